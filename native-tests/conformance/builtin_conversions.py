# str, repr, int, float, bool, hex conversions.
print(str(5), str(-2.5), str(True), str(None), str([1, "a"]), str("s"))
print(repr(5), repr(-2.5), repr("s"), repr([1, "a"]), repr(None))
print(int("42"), int("-7"), int("  12  "), int(3.99), int(-3.99), int(True), int("0"))
print(int("ff", 16), int("0x1f", 16), int("777", 8), int("101", 2), int("z", 36))
print(int("1_000"), int(1e10))
print(float("1.5"), float("-2"), float("1e3"), float(3), float("  4.25 "), float("inf"))
print(bool(0), bool(1), bool(""), bool("False"), bool([]), bool([0]), bool(None), bool(0.0))
print(hex(255), hex(0), hex(-255), hex(2 ** 40), hex(16))
print(str(), int(), float(), bool())
print(str(1e16), str(0.1), repr(0.1), str(100.0))
print(int(str(123)) + 1, float(str(2.5)) * 2)
for bad in ("abc", "1.5", "", "12a"):
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float("x1")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
