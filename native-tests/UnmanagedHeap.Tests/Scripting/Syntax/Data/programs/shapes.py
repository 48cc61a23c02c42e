from abc import ABC, abstractmethod


class Shape(ABC):
    registry = {}

    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if key is not None:
            Shape.registry[key] = cls

    @abstractmethod
    def area(self): ...

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape, key="rect"):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect, key="square"):
    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape, key="circle"):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    @property
    def diameter(self):
        return 2 * self.r

    @staticmethod
    def unit():
        return Circle(1)

    @classmethod
    def from_diameter(cls, d):
        return cls(d / 2)


def build(spec):
    kind, *args = spec.split()
    return Shape.registry[kind](*map(float, args))


shapes = [build(s) for s in ("rect 2 3", "square 2", "circle 1")]
shapes.sort()
for shape in shapes:
    match_ = type(shape).__name__
    print(f"{match_:>8}: {shape.area():8.3f}")
largest, *_, smallest = sorted(shapes, reverse=True)
print(largest is shapes[-1], smallest is shapes[0], Circle.unit().diameter)
print(isinstance(Square(1), Rect) and not isinstance(Rect(1, 1), Square))
