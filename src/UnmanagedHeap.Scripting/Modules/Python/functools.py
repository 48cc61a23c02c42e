# functools, written for this interpreter from the documented behaviour
# (https://docs.python.org/3.12/library/functools.html).
#
# Function objects here take no new attributes, so the wrappers that must carry some
# (lru_cache's cache_info, singledispatch's register) are instances with __call__, and
# update_wrapper renames functions through the interpreter's _pyheap helper.

import _pyheap

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__dict__')
WRAPPER_UPDATES = ('__dict__',)

_MISSING = object()


def reduce(function, iterable, initial=_MISSING):
    it = iter(iterable)
    if initial is _MISSING:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    __slots__ = ('func', 'args', 'keywords')

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            # Flattened, as CPython does: partial(partial(f, 1), 2) is partial(f, 1, 2).
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        if self.keywords:
            merged = dict(self.keywords)
            merged.update(keywords)
            keywords = merged
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append('%s=%r' % (k, v))
        return 'functools.partial(' + ', '.join(parts) + ')'


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    name = getattr(wrapped, '__name__', None)
    qualname = getattr(wrapped, '__qualname__', name)
    if type(wrapper).__name__ == 'function':
        if '__name__' in assigned and name is not None:
            _pyheap.rename_function(wrapper, name, wrapper.__qualname__ if '__qualname__' not in assigned else qualname)
        return wrapper
    for attr in assigned:
        if attr == '__dict__':
            continue
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


class _CacheInfo:
    # What cache_info() returns: a named tuple in CPython; this prints and compares the same.
    __slots__ = ('hits', 'misses', 'maxsize', 'currsize')

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _tuple(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self._tuple()

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = other._tuple()
        return self._tuple() == other

    def __hash__(self):
        return hash(self._tuple())

    def __iter__(self):
        return iter(self._tuple())

    def __getitem__(self, i):
        return self._tuple()[i]

    def __len__(self):
        return 4


_KWD_MARK = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_KWD_MARK,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


class _lru_cache_wrapper:
    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._func = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        self.__name__ = getattr(func, '__name__', None)
        self.__qualname__ = getattr(func, '__qualname__', None)

    def __call__(self, *args, **kwds):
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        if key in cache:
            self._hits += 1
            result = cache[key]
            if self._maxsize is not None:
                # Most recently used goes last; the first key is the one to evict.
                del cache[key]
                cache[key] = result
            return result
        self._misses += 1
        result = self._func(*args, **kwds)
        maxsize = self._maxsize
        if maxsize is None:
            cache[key] = result
        elif maxsize > 0:
            if key in cache:
                del cache[key]
            elif len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
        return result

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return partial(self, obj)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {'maxsize': self._maxsize, 'typed': self._typed}

    def __repr__(self):
        return '<functools._lru_cache_wrapper object at 0x%x>' % id(self)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare: @lru_cache
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_cache_wrapper(user_function, None, False)


_ORDER_OPS = ('__lt__', '__le__', '__gt__', '__ge__')


def _defines(cls, name):
    for c in cls.__mro__:
        if c is object:
            return False
        if name in c.__dict__:
            return True
    return False


def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other
def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other
def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r
def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other
def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other
def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r
def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other
def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other
def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r
def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other
def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other
def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


_CONVERT = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    roots = [op for op in _ORDER_OPS if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # The root CPython picks is the greatest name of those defined (__lt__ > __le__ > __gt__ > __ge__).
    root = max(roots)
    for name, fn in _CONVERT[root]:
        if name not in roots:
            setattr(cls, name, fn)
    return cls


class _CmpKey:
    __slots__ = ('obj', '_cmp')

    def __init__(self, obj, cmp):
        self.obj = obj
        self._cmp = cmp

    def __lt__(self, other):
        return self._cmp(self.obj, other.obj) < 0

    def __gt__(self, other):
        return self._cmp(self.obj, other.obj) > 0

    def __eq__(self, other):
        return self._cmp(self.obj, other.obj) == 0

    def __le__(self, other):
        return self._cmp(self.obj, other.obj) <= 0

    def __ge__(self, other):
        return self._cmp(self.obj, other.obj) >= 0

    __hash__ = None


def cmp_to_key(mycmp):
    def K(obj):
        return _CmpKey(obj, mycmp)
    return K


class _TypeMap:
    # A mapping keyed by class. Classes are not hashable in this interpreter yet, so the
    # entries are kept by id() with the class alongside, which also keeps it alive.
    def __init__(self):
        self._entries = {}

    def __setitem__(self, cls, value):
        self._entries[id(cls)] = (cls, value)

    def __getitem__(self, cls):
        try:
            return self._entries[id(cls)][1]
        except KeyError:
            raise KeyError(cls) from None

    def __contains__(self, cls):
        return id(cls) in self._entries

    def __len__(self):
        return len(self._entries)

    def __iter__(self):
        return iter([e[0] for e in self._entries.values()])

    def keys(self):
        return [e[0] for e in self._entries.values()]

    def items(self):
        return list(self._entries.values())

    def get(self, cls, default=None):
        e = self._entries.get(id(cls))
        return default if e is None else e[1]


class _SingleDispatch:
    def __init__(self, func):
        self.registry = _TypeMap()
        self.registry[object] = func
        self._default = func
        self.__wrapped__ = func
        self.__name__ = getattr(func, '__name__', 'singledispatch function')
        self.__qualname__ = getattr(func, '__qualname__', self.__name__)

    def dispatch(self, cls):
        for c in cls.__mro__:
            if c in self.registry:
                return self.registry[c]
        return self._default

    def register(self, cls, func=None):
        if func is None:
            if isinstance(cls, type):
                def register_it(f):
                    self.registry[cls] = f
                    return f
                return register_it
            annotations = getattr(cls, '__annotations__', None)
            if not annotations:
                raise TypeError('Invalid first argument to `register()`: %r. Use either `@register(some_class)` or plain `@register` on an annotated function.' % (cls,))
            func = cls
            argname, cls = next(iter(annotations.items()))
        self.registry[cls] = func
        return func

    def __call__(self, *args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % self.__name__)
        return self.dispatch(type(args[0]))(*args, **kw)


def singledispatch(func):
    return _SingleDispatch(func)
