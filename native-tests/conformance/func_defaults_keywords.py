# Default values, keyword arguments, and the mutable default trap.
def power(base, exp=2):
    return base ** exp


print(power(3), power(2, 10), power(exp=3, base=2), power(5, exp=0))


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to(3, []))


def safer(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safer(1), safer(2))
counter = 10


def snapshot(n=counter):
    return n


counter = 20
print(snapshot(), snapshot(5))


def many(a, b=2, c=3, d=4):
    return [a, b, c, d]


print(many(1), many(1, d=40), many(1, 2, c=30), many(a=0, c=None))
try:
    many()
except TypeError as e:
    print(type(e).__name__, e)
try:
    many(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    many(1, e=5)
except TypeError as e:
    print(type(e).__name__, e)
