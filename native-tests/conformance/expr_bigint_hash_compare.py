# Hashes of big ints are the value modulo 2**61 - 1 with the sign kept (-1 becomes -2),
# equal to the hashes of equal floats; ordering compares signs, then sizes, then digits.
M = 2 ** 61 - 1
for x in (M - 1, M, M + 1, 2 ** 64, -(2 ** 64), 3 ** 200, -(3 ** 200), -M - 1, 10 ** 100):
    print(hash(x), hash(x) == (x % M if x >= 0 else -((-x) % M)) or hash(x) == -2)
print(hash(-1), hash(-M - 1), hash(2 ** 100) == hash(2.0 ** 100), hash(10 ** 30) == hash(float(10 ** 30)))
d = {2 ** 100: "a", -(2 ** 100): "b", 2 ** 100 + 1: "c"}
print(d[2 ** 100], d[-(2 ** 100)], d[1 + 2 ** 100], len({2 ** 100, 2 ** 100, 2.0 ** 100}))
vals = [3 ** 100, -(3 ** 100), 2 ** 158, -(2 ** 158), 0, 1, -1, 3 ** 100 + 1, 2 ** 160, -(2 ** 160)]
print(sorted(vals) == sorted(vals, key=lambda v: (v > 0) - (v < 0)) or [v.bit_length() for v in sorted(vals)])
print([(v < 0, v.bit_length()) for v in sorted(vals)])
print(3 ** 100 < 3 ** 100 + 1, -(3 ** 100) < -(3 ** 100) + 1, 2 ** 158 > 3 ** 100, max(vals) == 2 ** 160, min(vals) == -(2 ** 160))
print(3 ** 100 == 3 ** 100, 3 ** 100 != 3 ** 100 + 0, 2 ** 100 == 2 ** 100 + 2 ** 30 - 2 ** 30)
