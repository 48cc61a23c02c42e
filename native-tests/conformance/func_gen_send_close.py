# send(), throw() and close(): the generator protocol beyond next().

def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count, total
        total += value
        count += 1
        average = total / count


a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    a.send(1)
except StopIteration as e:
    print("after the end:", e.args)

try:
    averager().send(5)
except TypeError as e:
    print("TypeError:", e)


def recorder():
    seen = []
    while True:
        try:
            item = yield len(seen)
            seen.append(item)
        except KeyError as e:
            print("recorder caught", repr(e))
            seen.append("K")
        except GeneratorExit:
            print("recorder closing with", seen)
            raise


r = recorder()
next(r)
r.send("x")
print(r.throw(KeyError("missing")))
print(r.throw(KeyError))
print(r.send("y"))
print(r.close(), r.close())
try:
    next(r)
except StopIteration:
    print("closed generator is exhausted")

# throw() into a generator that does not catch it: the exception comes out, the generator ends.
def plain():
    yield 1
    yield 2


p = plain()
next(p)
try:
    p.throw(ValueError("into plain"))
except ValueError as e:
    print("propagated:", e)
print(list(p))

# throw() into a just-started generator raises at once, before the body runs.
def never_started():
    print("body ran")
    yield 1


n = never_started()
try:
    n.throw(IndexError("early"))
except IndexError as e:
    print("unstarted throw:", e)
print(list(n))

# A generator that catches the thrown exception and returns: StopIteration carries the value.
def returns_on_error():
    try:
        yield 1
    except ZeroDivisionError:
        return "handled"


g = returns_on_error()
next(g)
try:
    g.throw(ZeroDivisionError)
except StopIteration as e:
    print("throw ->", e.value)

# close() on an unstarted generator: the body never runs.
u = never_started()
u.close()
print(list(u))

# close() on a generator that yields in response: RuntimeError.
def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("refusing to close")


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# A generator that returns on GeneratorExit closes cleanly.
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("polite exit")
        return "ignored"


q = polite()
next(q)
print(q.close())

# Running generators cannot be re-entered.
def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    next(iter([]))


lk = leaky()
print(next(lk))
try:
    next(lk)
except RuntimeError as e:
    print("RuntimeError:", e)

# An exception raised by the body ends the generator.
def fails():
    yield 1
    raise KeyError("boom")


f = fails()
print(next(f))
try:
    next(f)
except KeyError as e:
    print("KeyError", e)
print(next(f, "done after error"))

# Bare raise inside an except block survives a yield inside that block.
def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        yield "in handler"
        raise


rr = reraiser()
print(next(rr))
try:
    next(rr)
except ValueError as e:
    print("re-raised:", e)

# Sending the value of one generator into another: a pipeline.
def doubler(target):
    while True:
        x = yield
        target.send(x * 2)


def printer():
    while True:
        x = yield
        print("printer got", x)


pr = printer()
next(pr)
d = doubler(pr)
next(d)
for v in [1, 2, 3]:
    d.send(v)
d.close()
pr.close()
x = [0]
def accumulate():
    total = 0
    while True:
        total += yield total


acc = accumulate()
next(acc)
print(acc.send(5), acc.send(7))
