# Bitwise operators on ints, including negatives and big values.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10)
print(~0, ~-1, -5 & 0xFF, -5 | 0, -5 ^ -1)
print(1 << 70, (1 << 70) >> 69, (1 << 70) & ((1 << 70) - 1))
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print(hex(a & b), hex(a | b), hex(~a))
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, flags & (1 << 3) != 0, flags & (1 << 4) != 0)
print(True & False, True | False, True ^ True)
print(6 & 3 == 2, 6 | 3 == 7)
