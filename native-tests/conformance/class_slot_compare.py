# Rich comparison through the slots: reflected order, subclass priority, NotImplemented.
class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("A.__lt__")
        return NotImplemented
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented

class B(A):
    def __gt__(self, other):
        print("B.__gt__")
        return "B says yes"
    def __eq__(self, other):
        print("B.__eq__")
        return "equal-ish"

a, b = A(1), B(2)
print(a < b)          # B is a subclass of A: its reflected __gt__ goes first
print(a == b)
print(a != b)         # != falls back to the inverse of __eq__
print(b == a)
try:
    a < A(2)
except TypeError as e:
    print("TypeError:", e)
print(a == A(1), a == a, a != a)
print([a] == [a], (a,) == (a,))   # identity short-cuts the item comparison

class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 10), Version(1, 2), Version(0, 9)]
print(sorted(vs), min(vs), max(vs))
print(Version(2) > Version(1))     # no __gt__: the reflected __lt__ answers

for x, y in ((1, "a"), ([1], (1,)), ({1}, [1]), (None, 0)):
    try:
        x < y
    except TypeError as e:
        print("TypeError:", e)
print(1 == 1.0, 2 ** 80 == float(2 ** 80), 2 ** 80 + 1 > float(2 ** 80), 10 ** 400 > 1e308)
nan = float("nan")
print(nan == nan, nan != nan, [nan] == [nan], nan in [nan], 1 < nan, 1 > nan)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], (1, [2]) == (1, [2]), {1: [2]} == {1: [2]})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, frozenset({1}) == {1}, {1, 2} > {3})
print("\U0001F600" > "\uffff", "abc" < "abd", "" < "a", b"ab" < b"b", b"a" == b"a")
print({1: 2}.keys() == {1}, {1: 2}.items() == {(1, 2)}, {1: 2}.keys() <= {1, 3})
print(range(0) == range(3, 3), range(1, 2) == range(1, 5, 7), hash(range(3)) == hash(range(0, 3)))
