# hasattr, getattr, setattr.
class Config:
    debug = False

    def __init__(self):
        self.name = "app"


c = Config()
print(hasattr(c, "name"), hasattr(c, "debug"), hasattr(c, "missing"))
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", "fallback"))
setattr(c, "level", 3)
print(c.level, getattr(c, "level"))
setattr(c, "name", "renamed")
print(c.name)
attr = "na" + "me"
print(getattr(c, attr))
setattr(Config, "debug", True)
print(c.debug, Config.debug)
print(hasattr("abc", "upper"), getattr("abc", "upper")())
print(getattr([], "missing", None))
try:
    getattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
