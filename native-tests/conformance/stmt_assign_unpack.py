# Assignment: chained, tuple unpacking, nested unpacking, swaps.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
print(x, y)
x, y = y, x
print("swapped:", x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
first, second, third = "abc"
print(first, second, third)
k, v = ["key", "value"]
print(k, v)
for i, (m, n) in enumerate([(1, 2), (3, 4)]):
    print(i, m, n)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
i = 0
i, lst[i] = 1, 100
print(i, lst)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
