# Functions are values: passed, returned, stored; their __name__.
def double(x):
    return x * 2


def apply(f, values):
    return [f(v) for v in values]


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


print(apply(double, [1, 2, 3]), apply(str, [1, 2]), apply(len, ["ab", ""]))
inc = lambda x: x + 1
print(compose(double, inc)(5), compose(inc, double)(5))
table = {"d": double, "i": inc}
print(table["d"](table["i"](1)))
print(double.__name__, inc.__name__, compose(inc, inc).__name__, type(double).__name__)
alias = double
print(alias is double, alias(21))
ops = [double, inc, abs]
x = -3
for op in ops:
    x = op(x)
print(x)
print(sorted([-5, 3, -1], key=abs), max(["a", "bbb", "cc"], key=len))


def returns_none():
    pass


print(returns_none() is None)
