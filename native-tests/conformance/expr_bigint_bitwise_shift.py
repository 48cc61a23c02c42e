# Shifts and bitwise operators on big ints with Python's infinite two's complement.
def check(x):
    return (x.bit_length(), x % 1000000007, x < 0)

a = 3 ** 300
b = 5 ** 250
for u in (a, -a):
    for v in (b, -b):
        print(check(u & v), check(u | v), check(u ^ v))
        print((u & v) + (u | v) == u + v, (u ^ v) == (u | v) - (u & v))
print(check(~a), check(~-a), ~a == -a - 1, ~~a == a)
print(check(a << 1), check(a << 29), check(a << 30), check(a << 31), check(a << 1000))
print(check(a >> 1), check(a >> 30), check(a >> 475), a >> 476, a >> 10000)
print(check(-a >> 1), check(-a >> 30), -a >> 475, -a >> 476, -a >> 10000, (-a >> 7) == -((a + 127) // 128))
print(-1 >> 5, -1 << 100, 1 << 100, (1 << 100) >> 100, 0 << 10 ** 30, 5 >> 10 ** 30, -5 >> 10 ** 30)
print((2 ** 64 - 1) & -(2 ** 32), (2 ** 64) | 1, -(2 ** 64) ^ (2 ** 64), -(2 ** 70) & (2 ** 70 - 1))
print(True & True, True | False, True ^ True, ~True, True << 70)
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << 10 ** 30, lambda: a << -(10 ** 30)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
