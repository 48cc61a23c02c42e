# A class's __hash__ and __eq__ reach dicts, sets and tuples through its type's slots.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))

print(hash((Point(1, 2), 3)) == hash((Point(1, 2), 3)))
routes = {(Point(0, 0), Point(1, 1)): "diagonal"}
print(routes[(Point(0, 0), Point(1, 1))])
print((Point(5, 5), "a") in {(Point(5, 5), "a")})
print(len({Point(1, 1), Point(1, 1), Point(2, 2)}))
print(frozenset([Point(3, 4)]) == frozenset([Point(3, 4)]))

class OnlyEq:
    def __eq__(self, other):
        return True
print(OnlyEq.__hash__)
for make in (lambda: OnlyEq(), lambda: (1, OnlyEq()), lambda: frozenset([OnlyEq()])):
    try:
        hash(make())
    except TypeError as e:
        print("TypeError:", e)
try:
    {OnlyEq(): 1}
except TypeError as e:
    print("TypeError:", e)

class Child(OnlyEq):
    pass
try:
    hash(Child())
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), hash((p,)) == hash((p,)))

class Big:
    def __hash__(self):
        return 2 ** 70
class MinusOne:
    def __hash__(self):
        return -1
class Bad:
    def __hash__(self):
        return "no"
print(hash(Big()), hash(MinusOne()), hash((MinusOne(),)) == hash((-2,)))
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    hash(([1], 2))
except TypeError as e:
    print("TypeError:", e)
