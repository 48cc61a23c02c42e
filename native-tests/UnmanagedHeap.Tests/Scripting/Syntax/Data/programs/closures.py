counter_total = 0


def make_counter(start=0, step=1):
    count = start

    def increment(by=None):
        nonlocal count
        count += step if by is None else by
        return count

    def reset():
        nonlocal count
        count = start

    increment.reset = reset
    return increment


def bump_total(n):
    global counter_total
    counter_total += n
    return counter_total


def compose(*functions):
    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x
    return composed


def memoize(func):
    cache = {}

    def wrapper(*args):
        if (key := args) not in cache:
            cache[key] = func(*args)
        return cache[key]
    return wrapper


@memoize
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


c = make_counter(10, step=5)
print(c(), c(), c(by=100))
c.reset()
print(c(), bump_total(3), bump_total(4))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), fact(20), [fact(i) for i in range(6)])
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
values = [3, 1, 2]
values[:], (a, b) = sorted(values), divmod(17, 5)
print(values, a, b, values[::-1], values[1:], values[:-1])
del values[0], a
assert values == [2, 3], f"unexpected {values}"
