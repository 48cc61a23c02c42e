# operator: the operators as functions, written for this interpreter from the documented
# behaviour (https://docs.python.org/3.12/library/operator.html).

_builtin_abs = abs

def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def ge(a, b): return a >= b
def gt(a, b): return a > b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def abs(a):
    return _builtin_abs(a)
def add(a, b): return a + b
def and_(a, b): return a & b
def floordiv(a, b): return a // b
def index(a): return a.__index__() if not isinstance(a, int) else a
def inv(a): return ~a
invert = inv
def lshift(a, b): return a << b
def mod(a, b): return a % b
def mul(a, b): return a * b
def matmul(a, b): return a @ b
def neg(a): return -a
def or_(a, b): return a | b
def pos(a): return +a
def pow(a, b): return a ** b
def rshift(a, b): return a >> b
def sub(a, b): return a - b
def truediv(a, b): return a / b
def xor(a, b): return a ^ b

def concat(a, b):
    if not hasattr(a, '__getitem__'):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b
def contains(a, b): return b in a
def countOf(a, b):
    n = 0
    for x in a:
        if x is b or x == b:
            n += 1
    return n
def delitem(a, b):
    del a[b]
def getitem(a, b): return a[b]
def indexOf(a, b):
    i = 0
    for x in a:
        if x is b or x == b:
            return i
        i += 1
    raise ValueError('sequence.index(x): x not in sequence')
def setitem(a, b, c):
    a[b] = c
def length_hint(obj, default=0):
    try:
        return len(obj)
    except TypeError:
        return default

def iadd(a, b):
    a += b
    return a
def iand(a, b):
    a &= b
    return a
def iconcat(a, b):
    a += b
    return a
def ifloordiv(a, b):
    a //= b
    return a
def ilshift(a, b):
    a <<= b
    return a
def imod(a, b):
    a %= b
    return a
def imul(a, b):
    a *= b
    return a
def ior(a, b):
    a |= b
    return a
def ipow(a, b):
    a **= b
    return a
def irshift(a, b):
    a >>= b
    return a
def isub(a, b):
    a -= b
    return a
def itruediv(a, b):
    a /= b
    return a
def ixor(a, b):
    a ^= b
    return a

def call(obj, *args, **kwargs):
    return obj(*args, **kwargs)


class attrgetter:
    # Each name may be dotted ("a.b.c"); several names give a tuple.
    __slots__ = ('_attrs', '_paths')

    def __init__(self, attr, *attrs):
        names = (attr,) + attrs
        for n in names:
            if not isinstance(n, str):
                raise TypeError('attribute name must be a string')
        self._attrs = names
        self._paths = [n.split('.') for n in names]

    def __call__(self, obj):
        if len(self._paths) == 1:
            return _walk(obj, self._paths[0])
        return tuple([_walk(obj, p) for p in self._paths])

    def __repr__(self):
        return 'operator.attrgetter(%s)' % ', '.join([repr(a) for a in self._attrs])


def _walk(obj, path):
    for name in path:
        obj = getattr(obj, name)
    return obj


class itemgetter:
    __slots__ = ('_items', '_single')

    def __init__(self, item, *items):
        self._items = (item,) + items
        self._single = not items

    def __call__(self, obj):
        if self._single:
            return obj[self._items[0]]
        return tuple([obj[i] for i in self._items])

    def __repr__(self):
        return 'operator.itemgetter(%s)' % ', '.join([repr(a) for a in self._items])


class methodcaller:
    __slots__ = ('_name', '_args', '_kwargs')

    def __init__(self, name, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        for a in self._args:
            parts.append(repr(a))
        for k, v in self._kwargs.items():
            parts.append('%s=%r' % (k, v))
        return 'operator.methodcaller(%s)' % ', '.join(parts)


__lt__ = lt; __le__ = le; __eq__ = eq; __ne__ = ne; __ge__ = ge; __gt__ = gt
__not__ = not_; __abs__ = abs; __add__ = add; __and__ = and_; __floordiv__ = floordiv
__index__ = index; __inv__ = inv; __invert__ = invert; __lshift__ = lshift; __mod__ = mod
__mul__ = mul; __matmul__ = matmul; __neg__ = neg; __or__ = or_; __pos__ = pos
__pow__ = pow; __rshift__ = rshift; __sub__ = sub; __truediv__ = truediv; __xor__ = xor
__concat__ = concat; __contains__ = contains; __delitem__ = delitem; __getitem__ = getitem
__setitem__ = setitem; __iadd__ = iadd; __iand__ = iand; __iconcat__ = iconcat
__ifloordiv__ = ifloordiv; __ilshift__ = ilshift; __imod__ = imod; __imul__ = imul
__ior__ = ior; __ipow__ = ipow; __irshift__ = irshift; __isub__ = isub
__itruediv__ = itruediv; __ixor__ = ixor; __call__ = call
