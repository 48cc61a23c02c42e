# Unary operators and mixed int/float/bool arithmetic.
x = 5
print(-x, +x, ~x, not x, - -x, -(-x))
print(-0.0, -(0.0), +(-1.5), -True, ~True, +False)
print(3 + 2.0, 3 * True, 7 / True, 2 ** 0.5 * 2 ** 0.5)
print(10 // 3.0, 10 % 3.0, -10 // 3.0)
print(1 + 2 * 3 - 4 / 2)
print(int(True) + int(False), float(True), bool(0.0), bool(-1))
print(abs(-0.0), abs(-3), abs(True))
print(5 == 5.0, hash(5) == hash(5.0), 0.5 == 1 / 2)
print(type(1 + 1).__name__, type(1 + 1.0).__name__, type(True + True).__name__, type(4 / 2).__name__)
n = 10
n = -n
print(n, -n, abs(n), n * n)
