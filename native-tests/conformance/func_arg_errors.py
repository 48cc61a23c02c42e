# Wrong-argument TypeErrors carry the function's qualified name.
def f(a, b):
    return a + b


class K:
    def m(self, x):
        return x


def g(a, b=1, *args, c, **kw):
    return a


cases = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, a=3),
    lambda: f(1, c=3),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: g(1),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len([], []),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(e)
print(f(b="b", a="a"))
