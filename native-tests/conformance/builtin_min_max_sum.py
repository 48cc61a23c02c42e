# min, max, sum.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((7, 8)), min("hello"), max("hello"))
print(min([3, -4, 2], key=abs), max(["a", "ccc", "bb"], key=len))
print(max([1, 3, 3, 2]), min([], default="empty"), max([], default=None))
print(max(1, 2.5), min(True, 0), max("apple", "banana"))
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.5, 0.25]), sum([1, 2], 10))
print(sum([[1], [2, 3]], []), sum((True, True, False)))
pairs = [(1, "z"), (3, "a"), (2, "m")]
print(max(pairs), min(pairs, key=lambda p: p[1]))
print(max([2, 2.0]), min([2.0, 2]))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
