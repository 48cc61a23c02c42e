# Generator frames: closures and cells, super(), del of locals, exception state across yields, tracebacks.
def g():
    x = 1
    f = lambda: x
    yield f()
    x = 2
    yield f()
    def inner():
        nonlocal x
        x += 10
    inner()
    yield x
print(list(g()))

def outer():
    y = 5
    return (y + i for i in range(3))
print(list(outer()))

class Base:
    def items(self):
        yield "base"
class Child(Base):
    def items(self):
        yield "child"
        yield from super().items()
print(list(Child().items()))

def gen_with_del():
    x = [1]
    yield x
    del x
    yield "deleted"
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    yield "end"
print(list(gen_with_del()))

import sys
def counts():
    yield sys.getrefcount(counts)
print(next(counts()))

def gen_kw(*, key):
    yield key
print(list(gen_kw(key=3)))
try:
    gen_kw()
except TypeError as e:
    print(e)

def exc_info():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
        try:
            raise ValueError("b")
        except ValueError:
            yield 2
        yield 3
        raise
ei = exc_info()
print(next(ei), next(ei), next(ei))
try:
    next(ei)
except KeyError as e:
    print("KeyError", e)

def tb():
    yield 1
    1 / 0
def driver():
    yield from tb()
for v in driver():
    print(v)
