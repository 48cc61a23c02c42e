# Attribute access on instances, classes and modules; attribute chains.
import sys


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Segment:
    def __init__(self, a, b):
        self.start = a
        self.end = b


p = Point(3, -4)
print(p.x, p.y, p.dims, Point.dims, p.norm1())
seg = Segment(p, Point(1, 1))
print(seg.start.x, seg.end.y, seg.start.norm1() + seg.end.norm1())
p.x = 10
print(seg.start.x)
p.label = "new attribute"
print(p.label)
p.dims = 3
print(p.dims, Point.dims)
print(type(p).__name__, Point.__name__)
print("abc".upper().lower().startswith("a"))
print(len([1, 2]), sys.getrecursionlimit() > 0)
m = p.norm1
print(m())
