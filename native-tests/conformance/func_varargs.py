# *args and **kwargs.
def show(*args, **kwargs):
    return "args=" + repr(args) + " kwargs=" + repr(kwargs)


print(show())
print(show(1, 2))
print(show(a=1, b="x"))
print(show(1, z=26, y=25))


def head_tail(first, *rest):
    return first, rest


print(head_tail(1), head_tail(1, 2, 3))


def opts(name, sep="-", **extra):
    return name + sep + ",".join(k + "=" + str(v) for k, v in extra.items())


print(opts("cfg"), opts("cfg", "/", debug=True, level=3))


def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s


print(total(), total(1, 2, 3), type(head_tail(0)[1]).__name__)


def kw_only(a, *args, flag=False, **kw):
    return a, args, flag, kw


print(kw_only(1, 2, 3, flag=True, x=1))
print(kw_only(1))
try:
    head_tail()
except TypeError as e:
    print(type(e).__name__, e)
