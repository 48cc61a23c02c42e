from functools import wraps
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k) + 1
    return wrapper
@deco
def foo(x): return x
print(foo(1), foo.__name__, foo.__qualname__)
