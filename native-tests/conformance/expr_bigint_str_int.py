# Decimal text of big ints and back, other bases, to_bytes/from_bytes and bit counts.
x = 7 ** 1000
s = str(x)
print(len(s), s[:30], s[-30:], int(s) == x, int("-" + s) == -x, str(-x)[:5])
print(int("  +123_456_789_000  "), int("-0"), int("0x_ff", 16), int("0b1010", 0), int("0o777", 0), int("zz", 36), int("Z" * 20, 36))
print(str(10 ** 18), str(10 ** 19 - 1), str(2 ** 64), str(-(2 ** 63)), repr(999999999 * 10 ** 9 + 999999999))
for base in (2, 3, 7, 10, 16, 36):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    text = (digits[1:] + digits) * 20
    print(base, int(text, base) % 1000000007, int(text.upper(), base) == int(text, base))
print(x.bit_length(), (-x).bit_length(), x.bit_count(), (2 ** 1000).bit_count(), (-(2 ** 1000) + 1).bit_count())
b = x.to_bytes(400, "big")
print(len(b), b[:4], int.from_bytes(b, "big") == x, int.from_bytes(x.to_bytes(400, "little"), "little") == x)
print((-x).to_bytes(400, "big", signed=True)[:3], int.from_bytes((-x).to_bytes(400, "big", signed=True), "big", signed=True) == -x)
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (-1).to_bytes(3, "big", signed=True), int.from_bytes([1, 0, 0], "big"))
for f in (lambda: (-3).to_bytes(2, "big"), lambda: (1000).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True),
          lambda: (1).to_bytes(1, "middle"), lambda: int.from_bytes([256], "big"), lambda: int("12a"), lambda: int("1__0"), lambda: int("")):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
