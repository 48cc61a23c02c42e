def nat():
    i = 0
    while True:
        print("gen", i)
        yield i
        i += 1
m = map(lambda x: x * 2, nat())
print(type(m).__name__, repr(m).startswith("<map object at 0x"))
print(next(m), next(m))
z = zip(nat(), "ab")
print(list(z))
e = enumerate(nat(), start=5)
print(next(e), next(e))
f = filter(lambda x: x % 3 == 0, nat())
print(next(f), next(f))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, [0, 1, "", "a", None, [1]])))
r = reversed([1, 2, 3])
print(type(r).__name__, list(r))
print(type(reversed((1, 2))).__name__, list(reversed("abc")), list(reversed(range(1, 10, 3))), type(reversed(range(3))).__name__)
def seq():
    n = 0
    def f():
        nonlocal n
        n += 1
        return n
    return f
it = iter(seq(), 4)
print(type(it).__name__, list(it))
for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2, 3], [1, 2])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as ex:
        print("ValueError:", ex)
print(list(zip()), list(zip([1, 2], strict=True)))
try:
    map(len)
except TypeError as ex:
    print(ex)
try:
    iter(1, 2)
except TypeError as ex:
    print(ex)
l = [1, 2, 3]
r = reversed(l)
next(r)
l.clear()
print(list(r))
m = map(str, [1, 2])
print(list(m), list(m))
print(dict(zip("ab", range(2))), sorted(map(abs, [-3, 1, -2])))
print(next(enumerate("xy")), list(enumerate("ab", 10)))
