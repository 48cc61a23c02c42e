# global and nonlocal.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print("counter:", counter)


def outer():
    x = "outer"

    def inner():
        nonlocal x
        x = "changed by inner"

    inner()
    return x


print(outer())


def accumulator():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    return add


acc = accumulator()
print(acc(5), acc(10), acc(1))
x = "global x"


def shadow():
    x = "local x"
    return x


print(shadow(), x)


def reads_global():
    return x


print(reads_global())
