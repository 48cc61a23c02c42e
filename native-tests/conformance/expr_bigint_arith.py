# Big-int arithmetic on 30-bit digits: sums with long carries, products through the
# schoolbook and Karatsuba sizes (and squaring), floor division and modulo with every
# sign, divmod, and powers.
def check(x):
    # a short fingerprint of a huge value: its size and its value modulo a prime
    return (x.bit_length(), x % 1000000007, x < 0)

a = 3 ** 700              # about 37 digits of 30 bits
b = 7 ** 400 + 12345
ones = 2 ** (30 * 80) - 1  # every digit all ones: carries all the way
print(check(a + b), check(a - b), check(b - a), check(ones + 1), check(-ones - 1))
print((ones + 1) - 1 == ones, ones - ones, -ones + ones)

for n in (1, 5, 69, 70, 71, 139, 140, 141, 300):
    x = 3 ** (19 * n) + n      # about n digits
    y = 5 ** (13 * n) - 7 * n
    p = x * y
    print(n, check(p), check(x * x), check(-x * y), check(x * -x), p // y == x, p % x == (7 * n - 7 * n) + (p % x))

big = 11 ** 1000
small = 10 ** 50
for u, v in ((big, small), (-big, small), (big, -small), (-big, -small), (small, big), (-small, big), (7, -2), (-7, 2), (-7, -2)):
    q, r = divmod(u, v)
    print(check(q), check(r), q * v + r == u, u // v == q, u % v == r)

print(check(2 ** 4000), check((-3) ** 501), check(10 ** 1000 // 7), 12345678901234567890 ** 3)
print(3 ** 0, 0 ** 0, (-1) ** (10 ** 20), (-1) ** (10 ** 20 + 1), 1 ** (2 ** 100), 0 ** 5)
print(2 ** -2, (-2) ** -3, 10 ** 20 * 10 ** 20, -(10 ** 20) * 10 ** 20)
print(2 ** 62 * 4, -(2 ** 63) * 1, -(2 ** 63) // -1, (-(2 ** 63)) % -1, (2 ** 63 - 1) + 1, -(2 ** 63) - 1)
print(-5 // 2, -5 % 2, 5 // -2, 5 % -2, 0 // 7, 0 % -7)
x = 1
for i in range(1, 200):
    x *= i
print(check(x), x // (x // 3), x % 10 ** 20)
