# Big ints meeting floats: int -> float rounds half to even once, int / int is the
# correctly rounded quotient, and both refuse values past the largest double.
print(float(2 ** 53 + 1), float(2 ** 53 + 3), float(2 ** 54 + 2), float(2 ** 54 + 6), float(-(2 ** 53 + 1)))
print(float(2 ** 1023), float(2 ** 1024 - 2 ** 970 - 1), float(10 ** 300), float(-(10 ** 308)))
print(float(3 ** 400), float(12345678901234567890123456789))
for f in (lambda: float(2 ** 1024), lambda: float(2 ** 1024 - 2 ** 970), lambda: float(-(10 ** 400)), lambda: 10 ** 400 + 0.5,
          lambda: (10 ** 400) / 1, lambda: 1 / 0, lambda: (10 ** 30) / 0, lambda: 2.0 ** (10 ** 400), lambda: 2 ** 1100 * 1.0):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print((10 ** 400) / (10 ** 399 + 1), 1 / (10 ** 400), -1 / (10 ** 400), 0 / -5, (2 ** 1074) / (2 ** 2148))
print((10 ** 30 + 1) / 3, (2 ** 80 + 1) / 2 ** 27, 7 ** 100 / 3 ** 150, -(7 ** 100) / 3 ** 150)
print(1 / 3 ** 700, 2 ** 1023 / 2 ** -1 if False else (2 ** 1024 - 1) / 2, (2 ** 1024 + 2 ** 1000) / 4)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 100 == 2.0 ** 100, 2 ** 100 < 2.0 ** 100 + 1e15, 10 ** 400 > 1e308)
print(10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"), int(1e300) == 10 ** 300, int(1e300) % 10 ** 10)
