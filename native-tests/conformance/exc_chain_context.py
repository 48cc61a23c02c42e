# __context__ is set implicitly when an exception is raised while another is handled.
def show(e):
    chain = []
    while e is not None:
        chain.append(f"{type(e).__name__}({', '.join(map(repr, e.args))})")
        e = e.__context__
    print(" <- ".join(chain))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["missing"]
except KeyError as e:
    show(e)
    print(e.__cause__, e.__suppress_context__)

try:
    try:
        raise ValueError("in try")
    finally:
        raise TypeError("in finally")
except TypeError as e:
    show(e)

def helper():
    raise RuntimeError("from a call")

try:
    try:
        raise ValueError("outer")
    except ValueError:
        helper()
except RuntimeError as e:
    show(e)

# An exception caught inside a handler still gets the handled one as context.
try:
    raise ValueError("handled")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError as k:
        show(k)

# A bare raise keeps the original context; re-raising the same object never loops.
try:
    try:
        raise ValueError("first")
    except ValueError as first:
        try:
            raise first
        except ValueError as again:
            print(again is first, again.__context__)
except ValueError as e:
    print("done", e)

# Three levels deep.
try:
    try:
        try:
            raise OSError("a")
        except OSError:
            raise ValueError("b")
    except ValueError:
        raise KeyError("c")
except KeyError as e:
    show(e)

try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__context__ is None, e.__cause__ is None, e.__suppress_context__)
