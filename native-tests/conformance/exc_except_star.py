# except*: each clause takes its part of the group; what is left or raised goes on.
def show(label, e):
    print(label, type(e).__name__, repr(e))

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    show("V", e)
except* TypeError as e:
    show("T", e)

try:
    raise ValueError("lone")
except* ValueError as e:
    show("lone", e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled V")
except ExceptionGroup as e:
    show("left", e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("reraised", e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise TypeError("new")
except TypeError as e:
    show("single new", e)
    print(repr(e.__context__))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise TypeError("new2")
except ExceptionGroup as e:
    show("new and rest", e)

try:
    try:
        raise KeyError("lone2")
    except* ValueError:
        pass
except KeyError as e:
    show("lone unhandled", e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

try:
    raise ExceptionGroup("nest", [ExceptionGroup("in", [ValueError(1), OSError(2)]), KeyError(3)])
except* (ValueError, KeyError) as e:
    show("tuple", e)
except* OSError as e:
    show("os", e)

try:
    pass
except* ValueError:
    pass
else:
    print("else ran")
