# User-defined exception classes and catching by base class.
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, problem):
        AppError.__init__(self, key + ": " + problem)
        self.key = key


class NetError(AppError):
    pass


def risky(kind):
    if kind == "config":
        raise ConfigError("port", "not a number")
    if kind == "net":
        raise NetError("timeout")
    if kind == "other":
        raise KeyError(kind)
    return "fine"


for kind in ("ok", "config", "net", "other"):
    try:
        print(risky(kind))
    except ConfigError as e:
        print("config problem:", e, "key =", e.key)
    except AppError as e:
        print("app problem:", type(e).__name__, e)
    except Exception as e:
        print("other problem:", type(e).__name__, e)
print(isinstance(ConfigError("a", "b"), AppError), isinstance(NetError(), Exception))
print(repr(NetError("x")), repr(str(NetError())), NetError("a", 1).args)
