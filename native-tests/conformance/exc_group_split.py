# ExceptionGroup: construction, str/repr, split, subgroup, derive and nesting.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(eg)
print(repr(eg))
print(eg.message, len(eg.exceptions))
print(isinstance(eg, ExceptionGroup), isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(issubclass(ExceptionGroup, BaseExceptionGroup), [c.__name__ for c in ExceptionGroup.__mro__])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
print(type(BaseExceptionGroup("b", [ValueError(1)])).__name__)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
d = eg.derive([OSError("x")])
print(type(d).__name__, repr(d))
eg.add_note("a note")
m, r = eg.split(TypeError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
for bad in [
    lambda: ExceptionGroup("x"),
    lambda: ExceptionGroup(1, [ValueError()]),
    lambda: ExceptionGroup("x", []),
    lambda: ExceptionGroup("x", [1]),
    lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
    lambda: ExceptionGroup("x", 5),
]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    raise eg
except Exception as e:
    print("caught as Exception:", e)
