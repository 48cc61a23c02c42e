# len and range.
print(len([]), len([1, 2]), len(()), len((1,)), len(""), len("héllo"))
print(len({}), len({"a": 1, "b": 2}), len(set()), len({1, 2, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -1)))
r = range(1, 10, 2)
print(r, list(r), r[2], r[-1], r.start, r.stop, r.step)
print(list(range(-3, 3)), list(range(3, -3, -2)))
print(range(3) == range(0, 3), 7 in range(1, 10, 2), 8 in range(1, 10, 2))
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
