# try / except / else / finally: which blocks run, in what order.
def attempt(x):
    try:
        print("  try", x)
        r = 10 // x
    except ZeroDivisionError as e:
        print("  except", type(e).__name__, e)
        r = None
    else:
        print("  else", r)
    finally:
        print("  finally")
    return r


print(attempt(2))
print(attempt(0))


def returns_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


print(returns_in_try())
try:
    [][1]
except (KeyError, IndexError) as e:
    print("tuple of types:", type(e).__name__)
try:
    {}["k"]
except IndexError:
    print("not this one")
except KeyError:
    print("second handler")
try:
    int("x")
except Exception as e:
    print("base class catches:", type(e).__name__)
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("the as-name is deleted after the handler:", type(err).__name__)
