# Generators as suspended frames: yields in the middle of expressions keep the partial
# values of the expression, send/throw/close resume where the frame stopped, yield from
# passes everything through a chain of delegates, generator expressions close over cells,
# and a suspended generator in a reference cycle is found by the collector.
import gc
import sys


def in_expressions():
    a = [(yield "call arg"), 1 + (yield "right operand")]
    b = {"k": (yield "dict value")}
    c = (yield "test") if (yield "condition") else "no"
    d = (yield "left") < (yield "right")
    e = [10, 20, 30][(yield "index")]
    f = len((yield "only arg"))
    return a, b, c, d, e, f


g = in_expressions()
step = next(g)
replies = {"call arg": "A", "right operand": 2, "dict value": "V", "condition": True,
           "test": "T", "left": 1, "right": 2, "index": 1, "only arg": "xyz"}
try:
    while True:
        print("yielded", step)
        step = g.send(replies[step])
except StopIteration as stop:
    print("returned", stop.value)


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "counted"


g = counter(10)
print(next(g), next(g), g.send(7), next(g), next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration", stop.value)
print(list(g))

g = counter(5)
print(g.gi_running, g.gi_suspended)
next(g)
print(g.gi_running, g.gi_suspended)
try:
    g.throw(ValueError("thrown in"))
except ValueError as e:
    print("ValueError", e)
print(g.gi_suspended, list(g))

g = counter(5)
try:
    g.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError", e)
print(list(g))

g = counter(5)
next(g)
print(g.close(), list(g))
try:
    g.send(1)
except StopIteration:
    print("closed generator: StopIteration")


def leaf(tag):
    sent = yield tag + ":1"
    sent2 = yield tag + ":" + str(sent)
    return tag + " done with " + str(sent2)


def middle():
    r1 = yield from leaf("a")
    print("middle got", r1)
    r2 = yield from leaf("b")
    return [r1, r2]


def top():
    result = yield from middle()
    yield "top got " + repr(result)


g = top()
print(next(g))
print(g.send("x"))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_yieldfrom.__name__)
print(g.send("y"))
print(g.send("z"))
print(g.send("w"))
print(g.gi_yieldfrom)
print(list(g))

g = top()
next(g)
try:
    g.throw(IndexError("into the leaf"))
except IndexError as e:
    print("IndexError through the chain:", e)
print(list(g))

g = top()
next(g)
g.close()
print("chain closed", list(g))


def over_iterator():
    r = yield from iter([1, 2, 3])
    yield ("iterator returned", r)


print(list(over_iterator()))


def raises_stop():
    yield 1
    raise StopIteration("inside")


def delegates_stop():
    yield from raises_stop()


for make in (raises_stop, delegates_stop):
    try:
        for v in make():
            print("value", v)
    except RuntimeError as e:
        print("RuntimeError", e)


def running_inside():
    yield running.gi_running
    yield from [running.gi_running]


running = running_inside()
print(list(running), running.gi_running)


def nested(n):
    if n == 0:
        yield "bottom"
        return
    yield from nested(n - 1)


print(list(nested(100)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(80)
try:
    list(nested(200))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)


def scaled(k):
    return (i * k for i in range(4) if i != 2)


print(list(scaled(3)))


def pairs(n):
    return list((x, y) for x in range(n) for y in range(x) if (x + y) % 2)


print(pairs(5))


def late():
    base = 1
    gen = (base + j for j in range(3))
    base = 100
    return gen


print(list(late()))
print([f() for f in list(lambda: v for v in range(3))])
gen = (x for x in range(3))
print(gen.__name__, gen.__qualname__, scaled(1).__qualname__)
print(next(gen), gen.close(), list(gen))
gen = (1 // x for x in (1, 0, 2))
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(gen))
print(sum(x * x for x in range(100) if x % 3 == 0), any(x > 5 for x in range(10)))


class Holder:
    pass


def holds(h):
    x = [h]
    yield 1
    yield x


def make_cycle():
    h = Holder()
    h.gen = holds(h)
    next(h.gen)


gc.collect()
make_cycle()
print("collected", gc.collect())
