# A generator's data attributes: its names, and whether it is running, suspended or delegating.
def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
def f():
    yield g.gi_running
g = f()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_suspended)
print(next(g), g.gi_suspended)
o = outer()
print(o.gi_yieldfrom)
next(o)
print(o.gi_yieldfrom.__name__, o.gi_suspended)
list(o)
print(o.gi_yieldfrom, o.gi_suspended)
class K:
    def m(self):
        yield 1
print(K().m().__qualname__, (x for x in []).__name__)
