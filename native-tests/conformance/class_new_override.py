# __new__: overriding it, object.__new__, __new__ returning other objects, and __init__ after it.
class Singleton:
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            print("creating", cls.__name__)
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        print("init with", value)
        self.value = value


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, type(a).__name__)


class Point:
    __slots_like__ = ("x", "y")

    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.x = x
        self.y = y
        return self

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print(Point(1, 2), isinstance(Point(3, 4), Point))


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never runs")


print(Other(), type(Other()).__name__)


class NoInit:
    def __new__(cls, *args, **kwargs):
        print("new got", args, sorted(kwargs))
        return super().__new__(cls)


n = NoInit(1, 2, k=3)
print(type(n).__name__)


class Base:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.made_by = cls.__name__
        return inst

    def __init__(self, *args):
        self.args = args


class Child(Base):
    pass


ch = Child(5, 6)
print(ch.made_by, ch.args, type(Child.__dict__.get("__new__")).__name__, type(Base.__dict__["__new__"]).__name__)

try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)


class Takes:
    pass


try:
    Takes(1)
except TypeError as e:
    print("TypeError:", e)


class ListMaker(list):
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.extra = "made"
        return inst


lm = ListMaker([1, 2])
print(lm, lm.extra)
