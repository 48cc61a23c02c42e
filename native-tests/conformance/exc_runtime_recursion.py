# RuntimeError, and RecursionError (a RuntimeError) from unbounded recursion.
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(isinstance(RecursionError(), RuntimeError))
try:
    forever(0)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)


def loop_a():
    return loop_b()


def loop_b():
    return loop_a()


try:
    loop_a()
except RecursionError as e:
    print("mutual:", e)
print("recovered: recursion works again:", forever.__name__, len(str(2 ** 64)))
try:
    raise RuntimeError("plain runtime error")
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1}
try:
    for k in s:
        s.add(k + 1)
except RuntimeError as e:
    print(type(e).__name__, e)
