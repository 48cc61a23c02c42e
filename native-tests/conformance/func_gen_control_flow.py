# Control flow around yields: for/while/else, break/continue/return in try/finally, with, unpacking.
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")

def outer():
    try:
        for x in inner():
            yield x
    finally:
        print("outer finally")

o = outer()
next(o)
o.close()
print("--")
o = outer()
next(o)
del o
print("--")

class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError

def g():
    try:
        with CM():
            yield 1
            yield 2
        yield "after"
    except ValueError:
        yield "valueerror handled"

x = g(); next(x); print(x.throw(KeyError)); 
x = g(); next(x); print(x.throw(ValueError)); x.close()

def loop_send():
    results = []
    for i in range(3):
        r = yield i
        results.append(r)
    return results
l = loop_send()
v = next(l)
try:
    while True:
        v = l.send(v * 10)
except StopIteration as e:
    print(e.value)

def try_else():
    try:
        yield 1
    except Exception:
        yield "never"
    else:
        yield "else"
    finally:
        yield "finally"
print(list(try_else()))

def break_in_finally():
    for i in range(3):
        try:
            yield i
        finally:
            if i == 1:
                break
    yield "done"
print(list(break_in_finally()))

def continue_in_try():
    for i in range(4):
        try:
            if i % 2:
                continue
            yield i
        finally:
            yield "f%d" % i
print(list(continue_in_try()))

def gen_raise_in_except():
    try:
        yield 1
        raise KeyError("a")
    except KeyError:
        yield 2
        raise ValueError("b")
g2 = gen_raise_in_except()
print(next(g2), next(g2))
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)

def return_from_with():
    with CM():
        yield 1
        return "ret"
r = return_from_with()
next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value)

def yield_in_while_else():
    n = 0
    while n < 1:
        n += 1
    else:
        x = yield "else"
        print("got", x)
w = yield_in_while_else()
print(next(w))
try:
    w.send("S")
except StopIteration:
    print("stop")

def star_targets():
    a, *b = yield "unpack"
    yield a, b
s = star_targets()
next(s)
print(s.send([1, 2, 3]))
