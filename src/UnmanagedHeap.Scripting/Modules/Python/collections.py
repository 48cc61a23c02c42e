# collections, written for this interpreter from the documented behaviour
# (https://docs.python.org/3.12/library/collections.html).
#
# This interpreter cannot yet subclass dict or tuple, so defaultdict, OrderedDict, Counter
# and namedtuple classes are classes of their own that hold a dict or a tuple and speak
# the mapping or sequence protocol over it; they print, compare, index and iterate as
# CPython's do, but isinstance(x, dict) / isinstance(x, tuple) is False for them.

import _pyheap
from itertools import islice as _islice

_MISSING = object()


################################################################ deque

class deque:
    # The items live in a native core (_pyheap.deque_core, Modules/DequeCore.cs). Its
    # append/appendleft/pop/popleft are also put in each deque's own __dict__ as bound
    # built-in methods, so d.append(x) goes straight to C# without a Python frame; the
    # class-level methods below serve deque.append(d, x) and subclasses' super() calls.

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        c = _pyheap.deque_core(maxlen)
        self._c = c
        self._maxlen = maxlen
        self.append = c.append
        self.appendleft = c.appendleft
        self.pop = c.pop
        self.popleft = c.popleft
        if iterable is not ():
            c.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._c.append(x)

    def appendleft(self, x):
        self._c.appendleft(x)

    def pop(self):
        return self._c.pop()

    def popleft(self):
        return self._c.popleft()

    def extend(self, iterable):
        if iterable is self:
            iterable = self._c.items()
        self._c.extend(iterable)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = self._c.items()
        appendleft = self._c.appendleft
        for x in iterable:
            appendleft(x)

    def clear(self):
        self._c.reset(())

    def copy(self):
        return deque(self._c.items(), self._maxlen)

    __copy__ = copy

    def __deepcopy__(self, memo):
        import copy
        r = deque((), self._maxlen)
        memo[id(self)] = r
        r.extend(copy.deepcopy(self._c.items(), memo))
        return r

    def count(self, x):
        c = self._c
        state = c.state()
        n = 0
        for y in c.items():
            if y is x or y == x:
                n += 1
            if c.state() != state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, x, start=0, stop=None):
        c = self._c
        state = c.state()
        items = c.items()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        for i in range(start, min(stop, n)):
            y = items[i]
            if y is x or y == x:
                return i
            if c.state() != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and self._c.len() >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = self._c.items()
        items.insert(i, x)
        self._c.reset(items)

    def remove(self, value):
        c = self._c
        state = c.state()
        items = c.items()
        for i in range(len(items)):
            y = items[i]
            equal = y is value or y == value
            if c.state() != state:
                raise IndexError('deque mutated during iteration')
            if equal:
                del items[i]
                c.reset(items)
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        items = self._c.items()
        items.reverse()
        self._c.reset(items)

    def rotate(self, n=1):
        c = self._c
        size = c.len()
        if size <= 1:
            return
        n = n % size
        if n == 0:
            return
        items = c.items()
        c.reset(items[size - n:] + items[:size - n])

    def _items(self):
        return self._c.items()

    def __len__(self):
        return self._c.len()

    def __bool__(self):
        return self._c.len() != 0

    def __iter__(self):
        return iter(self._c.items())

    def __reversed__(self):
        items = self._c.items()
        items.reverse()
        return iter(items)

    def __contains__(self, x):
        c = self._c
        state = c.state()
        for y in c.items():
            if y is x or y == x:
                return True
            if c.state() != state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __getitem__(self, i):
        return self._c.get(i)

    def __setitem__(self, i, x):
        self._c.set(i, x)

    def __delitem__(self, i):
        self._c.get(i)
        items = self._c.items()
        del items[i]
        self._c.reset(items)

    def __repr__(self):
        inner = repr(self._c.items())
        if self._maxlen is None:
            return 'deque(%s)' % inner
        return 'deque(%s, maxlen=%d)' % (inner, self._maxlen)

    def _cmp_items(self, other):
        if not isinstance(other, deque):
            return None
        return other._c.items()

    def __eq__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() == o

    def __ne__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() != o

    def __lt__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() < o

    def __le__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() <= o

    def __gt__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() > o

    def __ge__(self, other):
        o = self._cmp_items(other)
        return NotImplemented if o is None else self._c.items() >= o

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        r = deque(self._c.items(), self._maxlen)
        r.extend(other._c.items())
        return r

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        r = deque((), self._maxlen)
        items = self._c.items()
        for _ in range(n):
            r.extend(items)
        return r

    def __imul__(self, n):
        items = self._c.items()
        self.clear()
        for _ in range(n):
            self._c.extend(items)
        return self


################################################################ the dict-like classes

class _DictBase:
    # The mapping protocol over self._data, a dict. Subclasses add their own behaviour.

    def __init__(self, *args, **kwargs):
        self._data = {}
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got %d' % len(args))
        if args:
            self.update(args[0])
        if kwargs:
            self.update(kwargs)

    def update(self, other=(), **kwargs):
        data = self._data
        if isinstance(other, _DictBase):
            for k, v in other._data.items():
                self[k] = v
        elif isinstance(other, dict):
            for k, v in other.items():
                self[k] = v
        elif hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __getitem__(self, key):
        data = self._data
        if key in data:
            return data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, default=None):
        if key in self._data:
            return self._data[key]
        self[key] = default
        return default

    def pop(self, key, default=_MISSING):
        if key in self._data:
            return self._data.pop(key)
        if default is _MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): dictionary is empty')
        return self._data.popitem()

    def clear(self):
        self._data.clear()

    def _plain(self):
        return self._data

    def __eq__(self, other):
        if isinstance(other, _DictBase):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        r = self.copy()
        r.update(other)
        return r

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(_DictBase):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        _DictBase.__init__(self, *args, **kwargs)

    def __getitem__(self, key):
        data = self._data
        if key in data:
            return data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    __copy__ = copy

    def __repr__(self):
        f = self.default_factory
        fr = 'None' if f is None else repr(f)
        return 'defaultdict(%s, %r)' % (fr, self._data)


class OrderedDict(_DictBase):
    def move_to_end(self, key, last=True):
        data = self._data
        value = data.pop(key)
        if last:
            data[key] = value
            return
        rest = list(data.items())
        data.clear()
        data[key] = value
        for k, v in rest:
            data[k] = v

    def popitem(self, last=True):
        data = self._data
        if not data:
            raise KeyError('dictionary is empty')
        if last:
            return data.popitem()
        key = next(iter(data))
        return (key, data.pop(key))

    def copy(self):
        return OrderedDict(self._data)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        r = cls()
        for k in iterable:
            r[k] = value
        return r

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _DictBase.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return 'OrderedDict(%r)' % (self._data,)


class Counter(_DictBase):
    def __init__(self, iterable=None, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        items = sorted(self._data.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        out = []
        for k, c in self._data.items():
            for _ in range(c):
                out.append(k)
        return iter(out)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (_DictBase, dict)):
                for k, c in iterable.items():
                    data[k] = data.get(k, 0) + c
            elif hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    data[k] = data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    data[k] = data.get(k, 0) + 1
        for k, c in kwds.items():
            data[k] = data.get(k, 0) + c

    def subtract(self, iterable=None, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (_DictBase, dict)):
                for k, c in iterable.items():
                    data[k] = data.get(k, 0) - c
            else:
                for k in iterable:
                    data[k] = data.get(k, 0) - 1
        for k, c in kwds.items():
            data[k] = data.get(k, 0) - c

    def copy(self):
        r = Counter()
        r._data = dict(self._data)
        return r

    __copy__ = copy

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        # Since 3.10 a missing element counts as zero.
        for k, c in self._data.items():
            if other[k] != c:
                return False
        for k, c in other._data.items():
            if self[k] != c:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _compare(self, other, strict, less):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        for k in keys:
            a = self[k]
            b = other[k]
            if less and not a <= b:
                return False
            if not less and not a >= b:
                return False
        return not (strict and self == other)

    def __le__(self, other):
        return self._compare(other, False, True)

    def __lt__(self, other):
        return self._compare(other, True, True)

    def __ge__(self, other):
        return self._compare(other, False, False)

    def __gt__(self, other):
        return self._compare(other, True, False)

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        parts = ['%r: %r' % kv for kv in self.most_common()]
        return 'Counter({' + ', '.join(parts) + '})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        r = Counter()
        for k, c in self._data.items():
            v = c + other[k]
            if v > 0:
                r._data[k] = v
        for k, c in other._data.items():
            if k not in self._data and c > 0:
                r._data[k] = c
        return r

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        r = Counter()
        for k, c in self._data.items():
            v = c - other[k]
            if v > 0:
                r._data[k] = v
        for k, c in other._data.items():
            if k not in self._data and c < 0:
                r._data[k] = 0 - c
        return r

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        r = Counter()
        for k, c in self._data.items():
            o = other[k]
            v = o if c < o else c
            if v > 0:
                r._data[k] = v
        for k, c in other._data.items():
            if k not in self._data and c > 0:
                r._data[k] = c
        return r

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        r = Counter()
        for k, c in self._data.items():
            o = other[k]
            v = c if c < o else o
            if v > 0:
                r._data[k] = v
        return r

    def __pos__(self):
        r = Counter()
        for k, c in self._data.items():
            if c > 0:
                r._data[k] = c
        return r

    def __neg__(self):
        r = Counter()
        for k, c in self._data.items():
            if c < 0:
                r._data[k] = 0 - c
        return r

    def _keep_positive(self):
        for k in [k for k, c in self._data.items() if not c > 0]:
            del self._data[k]
        return self

    def __iadd__(self, other):
        for k, c in other._data.items():
            self._data[k] = self[k] + c
        return self._keep_positive()

    def __isub__(self, other):
        for k, c in other._data.items():
            self._data[k] = self[k] - c
        return self._keep_positive()

    def __ior__(self, other):
        for k, c in other._data.items():
            if c > self[k]:
                self._data[k] = c
        return self._keep_positive()

    def __iand__(self, other):
        for k, c in list(self._data.items()):
            o = other[k]
            if o < c:
                self._data[k] = o
        return self._keep_positive()


def _count_of(item):
    return item[1]


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        for m in self.maps:
            if key in m:
                return m[key]
        return default

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = None
        return d

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def keys(self):
        return list(self._merged())

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def clear(self):
        self.maps[0].clear()

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return ChainMap(m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def copy(self):
        return ChainMap(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        elif isinstance(other, _DictBase):
            other = other._data
        return dict(self.items()) == other

    def __repr__(self):
        return 'ChainMap(' + ', '.join([repr(m) for m in self.maps]) + ')'


################################################################ namedtuple

class _NamedTupleBase:
    # The values are kept twice: as a tuple in _t (for indexing, iteration, comparison
    # and hashing) and as instance attributes (so p.x is a plain attribute read).
    _fields = ()
    _field_defaults = {}
    _nfields = 0

    def __init__(self, *args, **kwargs):
        if kwargs or len(args) != self._nfields:
            args = _bind(type(self), args, dict(kwargs))
        # Straight into the instance dict: __setattr__ below refuses assignments.
        d = self.__dict__
        d['_t'] = args
        d.update(zip(self._fields, args))

    @classmethod
    def _make(cls, iterable):
        t = tuple(iterable)
        if len(t) != cls._nfields:
            raise TypeError('Expected %d arguments, got %d' % (cls._nfields, len(t)))
        return cls(*t)

    def _replace(self, **kwds):
        fields = self._fields
        values = list(self._t)
        for i in range(len(fields)):
            name = fields[i]
            if name in kwds:
                values[i] = kwds.pop(name)
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return type(self)(*values)

    def __setattr__(self, name, value):
        # Written once by __init__ (before _t exists in the instance); read-only after.
        if '_t' in self.__dict__:
            if name in self._fields:
                raise AttributeError("can't set attribute")
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        self.__dict__[name] = value

    def __len__(self):
        return len(self._t)

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __contains__(self, x):
        return x in self._t

    def __hash__(self):
        return hash(self._t)

    def __eq__(self, other):
        if isinstance(other, _NamedTupleBase):
            return self._t == other._t
        if isinstance(other, tuple):
            return self._t == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return self._t < _as_tuple(other)

    def __le__(self, other):
        return self._t <= _as_tuple(other)

    def __gt__(self, other):
        return self._t > _as_tuple(other)

    def __ge__(self, other):
        return self._t >= _as_tuple(other)

    def __add__(self, other):
        return self._t + _as_tuple(other)

    def __mul__(self, n):
        return self._t * n

    def __repr__(self):
        t = self._t
        fields = self._fields
        parts = []
        for i in range(len(fields)):
            parts.append(fields[i] + '=' + repr(t[i]))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'

    def count(self, x):
        return self._t.count(x)

    def index(self, x, *args):
        return self._t.index(x, *args)

    def _asdict(self):
        return dict(zip(self._fields, self._t))

    def __getnewargs__(self):
        return self._t


def _as_tuple(other):
    if isinstance(other, _NamedTupleBase):
        return other._t
    return other


def _bind(cls, args, kwargs):
    # The arguments of cls(...) as a tuple of field values, with CPython's errors.
    fields = cls._fields
    nfields = len(fields)
    defaults = cls._field_defaults
    where = cls.__name__ + '.__new__()'
    if len(args) > nfields:
        raise TypeError('%s takes %d positional arguments but %d were given' % (where, nfields + 1, len(args) + 1))
    values = list(args)
    missing = []
    for i in range(len(args), nfields):
        name = fields[i]
        if name in kwargs:
            values.append(kwargs.pop(name))
        elif name in defaults:
            values.append(defaults[name])
        else:
            values.append(None)
            missing.append(name)
    for name in kwargs:
        if name in fields:
            raise TypeError('%s got multiple values for argument %r' % (where, name))
        raise TypeError('%s got an unexpected keyword argument %r' % (where, name))
    if missing:
        if len(missing) == 1:
            raise TypeError('%s missing 1 required positional argument: %r' % (where, missing[0]))
        names = ', '.join([repr(n) for n in missing[:-1]]) + ' and ' + repr(missing[-1])
        raise TypeError('%s missing %d required positional arguments: %s' % (where, len(missing), names))
    return tuple(values)


def _is_identifier(name):
    if not name or not (name[0].isalpha() or name[0] == '_'):
        return False
    for ch in name:
        if not (ch.isalnum() or ch == '_'):
            return False
    return True


_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
    'raise', 'return', 'try', 'while', 'with', 'yield'])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(n) for n in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for i in range(len(field_names)):
            name = field_names[i]
            if (not _is_identifier(name) or name in _KEYWORDS or name.startswith('_') or name in seen):
                field_names[i] = '_%d' % i
            seen.add(field_names[i])
    for name in [typename] + field_names:
        if not isinstance(name, str):
            raise TypeError('Type names and field names must be strings')
        if not _is_identifier(name):
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[nfields - len(defaults):], defaults))

    class _NamedTuple(_NamedTupleBase):
        pass

    cls = _NamedTuple
    _pyheap.rename_type(cls, typename)
    cls._fields = fields
    cls._field_defaults = field_defaults
    cls._nfields = nfields
    cls.__module__ = '__main__' if module is None else module
    return cls


__all__ = ['ChainMap', 'Counter', 'OrderedDict',
           'defaultdict', 'deque', 'namedtuple']
