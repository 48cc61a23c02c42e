"""Syntax corners: spans, prefixes, implicit cells, odd but valid layout."""
import os.path as osp, sys; from collections import (
    OrderedDict,
    namedtuple as nt,
)


class Base:
    def hello(self):
        return "base";


class Child(Base):
    def hello(self):
        def inner():
            nonlocal __class__
            return __class__
        return super().hello() + "/" + inner().__name__;


def gen(n, /, step=1, *rest, flag=False, **options):
    total = yield
    while n > 0:
        n -= step; total = (yield n) or total
    else:
        return total


point = nt("point", "x y")
cache = OrderedDict(); cache[u"key"] = [*range(3), *"ab"]
x = y = z = 0b1_0 + 0o7 + 0xF_F + 1_0.5e-1_0 + 3j.imag
matrix = [[i * j for j in range(3)] for i in range(3) if i]
first, *middle, last = "abcde"
(a, b), [c, d] = (1, 2), [3, 4]
value = (lambda *args, **kw: (args, kw))(1, *[2], k=3, **{"z": 4})
flags = not a == b and (c < d <= 4 or d is not None) and a in (1, 2) and b not in {}
text = f"{osp.sep!r:>{len(cache)}} {x = :.2f} {'nested ' + f'{b!s}'} {{literal}} {matrix[1][1]:03d}"
assert isinstance(point(1, 2), tuple), f"bad point {point}"
try:
    raise ValueError(text) from KeyError("cause")
except (ValueError, TypeError) as error:
    message = str(error)
else:
    message = None
finally:
    del a, b
with open(osp.devnull, "w") as sink, open(osp.devnull) as sink2:
    print(message, Child().hello(), file=sink)
if __name__ == "__main__": print(text); print(value, flags, first, middle, last, sep="|", end="\n")
