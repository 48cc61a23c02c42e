# yield from: delegating to iterables and to other generators (PEP 380).

def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), "ab", range(2), {"k": 1}, (x * 10 for x in range(2)))))


def inner(n):
    for i in range(n):
        yield i
    return f"inner({n}) done"


def outer():
    r1 = yield from inner(2)
    print("got", r1)
    r2 = yield from inner(1)
    print("got", r2)
    r3 = yield from []
    print("empty list gives", r3)
    return "outer done"


g = outer()
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("exhausted:", e.value)


def wrapper():
    result = yield from outer()
    yield "wrapper saw " + result


print(list(wrapper()))


# send() passes through to the innermost generator.
def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def delegator():
    while True:
        total = yield from accumulator()
        print("subtotal", total)
        if total > 10:
            return "big"


d = delegator()
print(next(d))
print(d.send(3), d.send(4))
print(d.send(None))
print(d.send(20))
try:
    d.send(None)
except StopIteration as e:
    print("delegator returned", e.value)


# throw() reaches the innermost generator first.
def catching_inner():
    while True:
        try:
            yield "inner ready"
        except ValueError as e:
            print("inner caught", e)
            yield "inner recovered"


def passing_outer():
    try:
        yield from catching_inner()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"


po = passing_outer()
print(next(po))
print(po.throw(ValueError("v")))
print(next(po))
print(po.throw(KeyError("k")))


# close() closes the whole chain, innermost first.
def level(name, child=None):
    try:
        if child is None:
            yield name
        else:
            yield from child
    finally:
        print("closing", name)


chain3 = level("top", level("middle", level("bottom")))
print(next(chain3))
chain3.close()


# yield from an iterator class: its StopIteration value is the result.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n


def launch():
    msg = yield from Countdown(3)
    yield msg


print(list(launch()))


# A recursive generator: flatten nested lists.
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]], 7])))


# yield from a generator that is already running is an error.
def self_delegate():
    yield from sd


sd = self_delegate()
try:
    next(sd)
except ValueError as e:
    print("ValueError:", e)


# yield from a non-iterable raises TypeError when reached.
def bad():
    yield from 5


try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)


# An exception from the delegate propagates through the delegator.
def failing():
    yield 1
    raise ZeroDivisionError("inner failure")


def over_failing():
    try:
        yield from failing()
    except ZeroDivisionError as e:
        yield "handled: " + str(e)


print(list(over_failing()))
