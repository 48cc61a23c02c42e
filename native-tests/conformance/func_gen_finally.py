# try/finally, except and with inside generators: cleanup runs on exhaustion, close,
# deallocation and when a for loop stops early.

def resource(name):
    print("open", name)
    try:
        yield name + "-1"
        yield name + "-2"
    finally:
        print("release", name)


print(list(resource("a")))

g = resource("b")
print(next(g))
g.close()
print("after close")

g = resource("c")
print(next(g))
del g
print("after del")

for item in resource("d"):
    print("loop got", item)
    break
print("after break")


def first(gen):
    for x in gen:
        return x


print(first(resource("e")))


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


def managed():
    with Manager("m1") as m:
        yield m
        with Manager("m2") as n:
            yield n
    yield "after with"


print(list(managed()))
mg = managed()
print(next(mg), next(mg))
mg.close()


def swallowing():
    class Swallow:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            print("swallowed", args[0].__name__)
            return True

    with Swallow():
        yield 1
        raise KeyError("lost")
    yield "continued"


print(list(swallowing()))


def except_yield():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            yield "ok", i
        except ValueError as e:
            yield "caught", e.args[0]
        else:
            yield "else", i
        finally:
            yield "finally", i


print(list(except_yield()))


def return_in_try():
    try:
        yield 1
        return "from try"
    finally:
        print("finally before return")


rt = return_in_try()
print(next(rt))
try:
    next(rt)
except StopIteration as e:
    print("value", e.value)


def finally_overrides():
    try:
        yield 1
        return "try value"
    finally:
        return "finally value"


fo = finally_overrides()
next(fo)
try:
    next(fo)
except StopIteration as e:
    print("value", e.value)


def finally_swallows_on_break():
    while True:
        try:
            yield "x"
            raise KeyError("dropped")
        finally:
            break
    yield "after loop"


print(list(finally_swallows_on_break()))


def nested_finally():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
        yield "between"
    finally:
        print("outer finally")


nf = nested_finally()
print(next(nf))
nf.close()
nf = nested_finally()
print(next(nf), next(nf))
nf.close()


def yield_in_finally():
    try:
        yield 1
    finally:
        yield "from finally"


yf = yield_in_finally()
next(yf)
try:
    yf.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(yf)
except GeneratorExit:
    print("the pending GeneratorExit comes out after the finally block")


def exception_passes_finally():
    try:
        yield 1
        raise IndexError("out")
    finally:
        print("cleanup on error")


try:
    list(exception_passes_finally())
except IndexError as e:
    print("IndexError:", e)

print("end of program")
