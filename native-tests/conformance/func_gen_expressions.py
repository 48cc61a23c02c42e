# yield inside larger expressions: evaluated left to right, the yield suspending in between.

def printer():
    while True:
        print("got", (yield))


p = printer()
next(p)
p.send("a")
p.send([1, 2])


def arithmetic():
    x = (yield 1) + (yield 2) * 10
    yield x
    y = -(yield "neg")
    yield y
    z = (yield "cmp") > 5
    yield z


a = arithmetic()
print(next(a), a.send(3), a.send(4), a.send(8), a.send(6), a.send(9))


def collector():
    items = []
    while True:
        items.append((yield len(items)))
        if len(items) == 3:
            return items


c = collector()
next(c)
c.send("x")
c.send("y")
try:
    c.send("z")
except StopIteration as e:
    print(e.value)


def displays():
    t = (1, (yield "t"), 3)
    lst = [(yield "l1"), (yield "l2")]
    yield t, lst


d = displays()
print(next(d), d.send(2), d.send("p"), d.send("q"))


def conditions():
    if (yield "if?"):
        yield "then"
    else:
        yield "else"
    n = 0
    while (yield n):
        n += 1
    yield "left loop at " + str(n)
    v = (yield "a") or (yield "b")
    yield v
    w = "yes" if (yield "cond") else "no"
    yield w


g = conditions()
print(next(g), g.send(0))
print(next(g), g.send(1), g.send(1), g.send(0))
print(g.send(0), g.send("from b"), g.send(1))


class Box:
    def __init__(self):
        self.total = 0
        self.items = {"k": 1}


def augmented(box):
    box.total += yield "attr"
    box.items["k"] += yield "item"
    count = 1
    count *= yield "name"
    yield box.total, box.items, count


box = Box()
au = augmented(box)
print(next(au), au.send(5), au.send(10), au.send(7))


def keywords():
    yield dict(a=(yield "a"), b=(yield "b"))
    yield sorted([3, 1, 2], reverse=(yield "rev"))


k = keywords()
print(next(k), k.send(1), k.send(2))
print(next(k), k.send(True))


def method_order():
    class Loud:
        def __getattr__(self, name):
            print("lookup", name)
            return lambda *args: args
    obj = Loud()
    r = obj.anything((yield "arg1"), (yield "arg2"))
    yield r


m = method_order()
print(next(m))
print(m.send(1))
print(m.send(2))


def nested_yield():
    x = yield (yield "inner")
    yield x


n = nested_yield()
print(next(n), n.send("middle"), n.send("outer"))


def for_over_yield():
    for item in (yield "give me a list"):
        yield item * 2


f = for_over_yield()
print(next(f), f.send([1, 2, 3]), next(f), next(f))


def attribute_and_subscript():
    yield (yield "obj").upper()
    yield (yield "seq")[(yield "index")]


s = attribute_and_subscript()
print(next(s), s.send("shout"))
print(next(s), s.send("abc"), s.send(1))


def yield_from_value():
    r = [(yield from range(2)), (yield from iter([]))]
    yield r


print(list(yield_from_value()))


class Manager:
    def __enter__(self):
        print("enter")
        return "managed"

    def __exit__(self, *args):
        print("exit")


def with_yield_manager():
    with (yield "manager?") as value:
        yield value


w = with_yield_manager()
print(next(w))
print(w.send(Manager()))
w.close()


# The assignment-expression idiom of coroutine consumers, and dict and set displays.
def consumer():
    seen = []
    while (item := (yield len(seen))) is not None:
        seen.append(item)
    return seen
c = consumer()
next(c)
c.send("a"); c.send("b")
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
def displays():
    d = {"a": (yield 1), (yield 2): "b"}
    s = {(yield 3), 4}
    yield d, sorted(s)
g = displays()
print(next(g), g.send("A"), g.send("key"), g.send(9))
print("done")
