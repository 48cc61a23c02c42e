from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return '%s with area %.2f' % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        super().__init__()
        self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
class Half(Shape):
    def area(self): return 1.0
try:
    Shape()
except TypeError as e:
    print(e)
try:
    Half()
except TypeError as e:
    print(e)
sq = Square(3)
print(sq.area(), sq.perimeter(), sq.describe(), isinstance(sq, Shape))
