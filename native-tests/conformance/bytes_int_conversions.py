print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, byteorder="big", signed=True))
print((2**100).to_bytes(13, "big"), (2**100 - 1).to_bytes(13, "little"), (-(2**70)).to_bytes(10, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x01" + b"\x00" * 12, "big") == 2**96, int.from_bytes(bytearray(b"\x80"), "big", signed=True), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b""), int.from_bytes(b"\x00\x01"), int.from_bytes(memoryview(b"\x02\x00"), "little"))
n = 12345678901234567890123456789
print(int.from_bytes(n.to_bytes(16, "big"), "big") == n, int.from_bytes((-n).to_bytes(16, "little", signed=True), "little", signed=True) == -n)
for bad in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (128).to_bytes(1, "big", signed=True)):
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(bytes([1, 2, 3]).hex(), list((258).to_bytes(2, "big")), (65).to_bytes(1, "big").decode())
