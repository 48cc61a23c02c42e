# Metaclasses: class M(type), metaclass=, M.__new__/__init__/__call__, methods and attributes from the metaclass.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registered = True
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kw)

    def describe(cls):
        return "I am " + cls.__name__


class Base(metaclass=Meta):
    def __init__(self, x):
        self.x = x

    def method(self):
        return self.x * 2


class Child(Base):
    pass


b = Child(5)
print(b.x, b.method(), type(Child).__name__, isinstance(Child, Meta), Child.registered, Child.describe())
print(type(Base) is Meta, Meta.__mro__ == (Meta, type, object), isinstance(Child, type), issubclass(Meta, type))
print(repr(Meta), repr(Child), type(b).__name__)


class Registry(type):
    classes = []

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Plugin(metaclass=Registry):
    pass


class Audio(Plugin):
    pass


class Video(Plugin):
    pass


print(Registry.classes, Video.upper_name, Audio.__class__ is Registry)


class Counted(type):
    def __call__(cls, *args):
        cls.made = getattr(cls, "made", 0) + 1
        return super().__call__(*args)


class Thing(metaclass=Counted):
    pass


Thing(); Thing(); Thing()
print(Thing.made)


class Other(type):
    pass


try:
    class Mixed(Child, metaclass=Other):
        pass
except TypeError as e:
    print("TypeError:", e)


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}


class P(metaclass=Ordered, opt=1):
    x = 1


print(P.injected, P.x)
