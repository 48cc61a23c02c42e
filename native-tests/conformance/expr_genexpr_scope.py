# A generator expression is a scope of its own: it reads the enclosing function's variables
# through cells, so it still works after that function has returned; only its first iterable
# is evaluated where it stands.
import sys


def scaled(k):
    return (i * k for i in range(3))


print(list(scaled(10)))


def late_binding():
    items = [1, 2, 3]
    gen = (x for x in items if x != skip)
    skip = 2
    return gen


print(list(late_binding()))
print([list(y * x for y in range(x)) for x in range(3)])
fs = list(lambda: x for x in range(3))
print([h() for h in fs])


class C:
    v = 5
    r = list(x for x in range(v))


print(C.r)


def named():
    a = 1
    gen = (a + b for b in range(2))
    print(type(gen).__name__, repr(gen).split(" at ")[0])
    return gen


print(list(named()))
print(repr((x for x in [])).split(" at ")[0])


def first_iterable_now():
    seq = [1, 2]
    gen = (x for x in seq)
    seq = [10, 20]
    return list(gen)


print(first_iterable_now())


def holds_cell():
    big = [0] * 3
    gen = (len(big) for _ in range(2))
    return gen


g = holds_cell()
print(next(g), next(g), next(g, "end"))


def nested_free():
    n = 2
    return list(list(n * j for j in range(i)) for i in range(3))


print(nested_free())
try:
    list(1 // x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
