# Generator functions: calling one makes a generator; next(), for, list() and friends drive it.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"


g = count_up(3)
print(type(g).__name__, repr(g).split(" at ")[0])
print(iter(g) is g)
print(next(g), next(g), g.__next__())
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("exhausted again:", e.value, e.args)
print(next(g, "default"))

print(list(count_up(5)), sum(count_up(10)), max(count_up(4)))
print(tuple(count_up(3)), sorted(count_up(3), reverse=True))
for x in count_up(3):
    print("for", x)
print([x * x for x in count_up(4)])
print(dict(zip("abc", count_up(3))))
print(list(enumerate(count_up(2))))
print(any(x > 2 for x in count_up(100)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for n in fib():
    if n > 100:
        break
    out.append(n)
print(out)


def no_yield_reached(flag):
    if flag:
        return "early"
    yield "never"


try:
    next(no_yield_reached(True))
except StopIteration as e:
    print("early return:", e.value)
print(list(no_yield_reached(False)))


def bare():
    yield
    yield None


print(list(bare()))


def with_args(a, b=10, *rest, scale=1, **kw):
    yield a * scale
    yield b * scale
    for r in rest:
        yield r * scale
    for k in sorted(kw):
        yield k


print(list(with_args(1)), list(with_args(1, 2, 3, 4, scale=2, z=0, y=1)))


def make_counter(step):
    def counter(n):
        for i in range(n):
            yield i * step
    return counter


print(list(make_counter(5)(4)))
print(repr(make_counter(5)(1)).split(" at ")[0])


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

    def __iter__(self):
        return self.walk()


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()), list(t), [v for v in t if v % 2 == 0])
print(repr(t.walk()).split(" at ")[0])


def state_kept():
    total = 0
    for word in ["a", "bb", "ccc"]:
        total += len(word)
        yield word, total
    yield "total", total


print(list(state_kept()))


def independent():
    x = yield 1
    yield x


g1 = independent()
g2 = independent()
print(next(g1), next(g2), g1.send("one"), g2.send("two"))


def nested_loops():
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            if (i + j) % 2:
                continue
            yield i, j
        else:
            yield "no break", i


print(list(nested_loops()))


def with_else():
    n = 0
    while n < 2:
        yield n
        n += 1
    else:
        yield "while-else"


print(list(with_else()))
gen_lambda = lambda: (yield 7)
lg = gen_lambda()
print(next(lg))
try:
    lg.send("sent to lambda")
except StopIteration as e:
    print("lambda returned", e.value)
