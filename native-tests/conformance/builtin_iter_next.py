# iter and next.
it = iter([1, 2, 3])
print(type(it).__name__, next(it), next(it), next(it))
print(next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(str(e)))
s = iter("ab")
print(type(s).__name__, next(s), next(s), next(s, "end"))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
t = iter((9,))
print(type(t).__name__, list(t), list(t))
r = iter(range(3))
print(type(r).__name__, next(r), list(r))
it2 = iter([10, 20])
print(iter(it2) is it2)
for x in iter([4, 5]):
    print("for over iterator", x)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
