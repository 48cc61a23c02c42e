# Module and class __annotations__ for annotated assignments (simple names only).
print(__annotations__)
x: int = 1
y: str
z: "forward" = "z"
(w): float = 2.0
print(__annotations__)
print(x, z, w)
try:
    y
except NameError as e:
    print("NameError", e)

class Point:
    print("inside", __annotations__)
    x: int
    y: int = 0
    label: str = "p"
    def method(self):
        pass

print(Point.__annotations__)
print(Point.y, Point.label, hasattr(Point, "x"))

class Obj:
    pass
o = Obj()
o.attr: int = 5
print(o.attr)
d = {}
d["k"]: list = [1]
print(d)
print(sorted(__annotations__))

if True:
    nested: tuple = ()
print(__annotations__["nested"])

try:
    class Bad:
        value: undefined_type = 3
except NameError as e:
    print("NameError", e)
