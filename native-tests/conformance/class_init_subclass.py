# __init_subclass__ with keywords, __set_name__, and __class_getitem__.
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class Sub(Json, name="sub-json"):
    pass


print(sorted(Plugin.registry), Sub.plugin_name, Json.plugin_name)
try:
    class Bad(Plugin, shape=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class AlsoBad(flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Field:
    def __init__(self, default):
        self.default = default

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Model:
    a = Field(1)
    b = Field(2)
    c = 3


print(Model.a.name, Model.b.name, Model.c)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


class Crate(Box):
    pass


print(Box[int], Crate[str], type(Box.__dict__["__class_getitem__"]).__name__)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
