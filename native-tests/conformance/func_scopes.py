# LEGB scoping and UnboundLocalError.
x = "global"


def read_global():
    return x


def local_shadow():
    x = "local"
    return x


def enclosing():
    x = "enclosing"

    def inner():
        return x

    return inner()


def broken():
    print(x)
    x = "assigned later"


print(read_global(), local_shadow(), enclosing(), x)
try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
except NameError as e:
    print("NameError subclass", e)
print(isinstance(UnboundLocalError("m"), NameError))


def uses_len():
    return len([1, 2])


len_backup = len


def len(x):
    return "shadowed builtin"


print(uses_len())
del len
print(uses_len())
