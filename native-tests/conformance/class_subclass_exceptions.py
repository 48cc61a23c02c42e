# Exception classes with several bases, super().__str__() and __new__ through the exception hierarchy.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {super().__str__()}"
class NotFound(AppError, KeyError):
    pass
try:
    raise NotFound(404, "missing")
except KeyError as e:
    print(type(e).__name__, e, e.args, e.code, isinstance(e, AppError), repr(e))
class Quiet(ValueError):
    pass
q = Quiet("a", 1)
print(q.args, str(q), repr(q), [c.__name__ for c in Quiet.__mro__])
try:
    raise Quiet
except ValueError as e:
    print("caught", repr(e))
class WithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.extra = len(args)
        return inst
w = WithNew(1, 2)
print(w.args, w.extra)
raise AppError(1, "boom")
