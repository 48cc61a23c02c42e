# NameError messages.
try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, e)


def f():
    return also_missing + 1


try:
    f()
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_bound
except NameError as e:
    print(type(e).__name__, e)


def g():
    y = 1
    del y
    return y


try:
    g()
except NameError as e:
    print(type(e).__name__, e)
print(isinstance(NameError("x"), Exception))
