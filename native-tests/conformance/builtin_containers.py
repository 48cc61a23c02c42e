# list, dict, tuple, set constructors.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(tuple(), tuple([1, 2]), tuple("hi"), tuple(range(2)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=1))
print(set(), set([3, 1, 3, 2]), set((1, 1)), sorted(set("hello")))
print(set(range(5)), len(set("mississippi")))
a = [1, 2]
b = list(a)
print(b == a, b is a)
t = (1, 2)
print(tuple(t) is t, tuple(t) == t)
d = dict.fromkeys([1, 2, 3], 0)
print(d)
print(list(d.items()), list(d.keys()), list(d.values()))
print(list(zip("ab", [1, 2])), dict(zip(["k1", "k2"], [10, 20])))
print(list(enumerate("xy")), dict(enumerate("xy")))
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
