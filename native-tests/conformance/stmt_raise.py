# raise: instances, classes, re-raise, custom exception classes.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        AppError.__init__(self, "missing " + key)
        self.key = key


try:
    raise ValueError("bad value")
except ValueError as e:
    print(type(e).__name__, e, e.args)
try:
    raise KeyError
except KeyError as e:
    print("class raised:", type(e).__name__, e.args)
try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, isinstance(e, NotFound))


def rethrow():
    try:
        raise RuntimeError("first")
    except RuntimeError:
        print("handling, then re-raising")
        raise


try:
    rethrow()
except RuntimeError as e:
    print("outer got:", e)
try:
    raise TypeError("one", 2)
except TypeError as e:
    print(e, e.args)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
err = IndexError("made earlier")
try:
    raise err
except IndexError as e:
    print(e is err)
print(repr(str(ValueError())), repr(ValueError("x")), repr(KeyError("k")))
