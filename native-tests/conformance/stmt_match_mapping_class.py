# match: mapping patterns (**rest) and class patterns (__match_args__, keywords, builtins).
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={sorted(rest.items())}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty-ish mapping"
        case _:
            return "not a mapping"

for e in [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "mod": 1, "alt": 0},
          {"type": "key", "key": 5}, {"type": "scroll"}, {"other": 1}, [("type", "click")]]:
    print(handle(e))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius

def area(s):
    match s:
        case Point(0, 0):
            return "origin point"
        case Point(x=0, y=yy):
            return f"point on y axis {yy}"
        case Point(px, py):
            return f"point {px} {py}"
        case Circle(Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c, radius=r):
            return f"circle r={r} at {c.x},{c.y}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as text:
            return f"text {text!r}"
        case list([int(), *_]):
            return "list of ints?"
        case object(missing=1):
            return "has missing"
    return "no match"

for s in [Point(0, 0), Point(0, 5), Point(1, 2), Circle(Point(1, 1), 20), Circle(Point(3, 4), 2),
          7, 2.5, "hey", [1, "a"], ["a"], True]:
    print(area(s))

class NoArgs:
    pass

for bad in ["case int(1, 2)", "case NoArgs(1)"]:
    try:
        match NoArgs() if "NoArgs" in bad else 1:
            case int(1, 2):
                pass
            case NoArgs(1):
                pass
    except TypeError as e:
        print("TypeError", e)

class BadArgs:
    __match_args__ = ["a"]
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)

try:
    match 1:
        case len(1):
            pass
except TypeError as e:
    print("TypeError", e)
