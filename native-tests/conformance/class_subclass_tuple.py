# A class derived from tuple: __new__ building the items, properties over them, tuple behaviour kept.
import sys


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"


p = Point(1, 2)
q = p + Point(10, 20)
print(p, q, p.x, q.y, len(p), list(p), p == (1, 2), p[::-1], type(p[:]).__name__)
print(isinstance(p, tuple), hash(p) == hash((1, 2)), {p: "here"}[(1, 2)], sorted([Point(3, 1), Point(1, 5)]))
x, y = p
print(x, y, max(p), (0,) + p, type((0,) + p).__name__, p * 2)
print(sys.getsizeof(Point(1, 2)) - sys.getsizeof((1, 2)))


class Pair(tuple):
    pass


pr = Pair([4, 5])
pr.note = "attrs work"
print(pr, Pair(), pr.note, repr(Pair("ab")), pr.count(4), pr.index(5))
try:
    Pair(1, 2)
except TypeError as e:
    print("TypeError:", e)
