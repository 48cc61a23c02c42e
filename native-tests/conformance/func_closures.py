# Closures capture variables, not values.
def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_multipliers():
    return [lambda x: x * i for i in range(4)]


print([m(10) for m in make_multipliers()])


def make_multipliers_fixed():
    fns = []
    for i in range(4):
        def m(x, i=i):
            return x * i
        fns.append(m)
    return fns


print([m(10) for m in make_multipliers_fixed()])


def outer():
    x = 1

    def middle():
        def inner():
            return x
        return inner

    x = 2
    return middle()


print(outer()())


def late():
    def get():
        return value
    value = "assigned after def"
    return get()


print(late())
