# array: typed arrays of numbers, written for this interpreter from the documented
# behaviour (https://docs.python.org/3.12/library/array.html). The items are kept in a
# list and checked against the typecode's C range on the way in, with CPython's errors.
# 'f' items are stored rounded to single precision, as a C float array would hold them.

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

__all__ = ['array', 'ArrayType', 'typecodes']

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
             'q': 8, 'Q': 8, 'f': 4, 'd': 8}

# (minimum, maximum, message below, message above) for the integer codes.
_RANGES = {
    'b': (-128, 127, 'signed char is less than minimum', 'signed char is greater than maximum'),
    'B': (0, 255, 'unsigned byte integer is less than minimum', 'unsigned byte integer is greater than maximum'),
    'h': (-32768, 32767, 'signed short integer is less than minimum', 'signed short integer is greater than maximum'),
    'H': (0, 65535, 'unsigned short is less than minimum', 'unsigned short is greater than maximum'),
    'i': (-2**31, 2**31 - 1, 'signed integer is less than minimum', 'signed integer is greater than maximum'),
    'I': (0, 2**32 - 1, "can't convert negative value to unsigned int", 'unsigned int is greater than maximum'),
    'l': (-2**63, 2**63 - 1, 'Python int too large to convert to C long', 'Python int too large to convert to C long'),
    'L': (0, 2**64 - 1, "can't convert negative value to unsigned int", 'Python int too large to convert to C unsigned long'),
    'q': (-2**63, 2**63 - 1, 'int too big to convert', 'int too big to convert'),
    'Q': (0, 2**64 - 1, "can't convert negative int to unsigned", 'int too big to convert'),
}


class _Checker:
    # Converts and range-checks one item for a typecode (an object rather than a closure,
    # which also keeps the bytecode engine's cell handling out of the hot path).
    def __init__(self, typecode):
        self.typecode = typecode
        if typecode in _RANGES:
            self.lo, self.hi, self.below, self.above = _RANGES[typecode]
            self.check = self.check_int
        elif typecode == 'd':
            self.check = self.check_double
        elif typecode == 'f':
            self.check = self.check_float
        else:
            self.check = self.check_char

    def check_int(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v < self.lo:
            raise OverflowError(self.below)
        if v > self.hi:
            raise OverflowError(self.above)
        return int(v)

    def check_double(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        return float(v)

    def check_float(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        return _struct.unpack('<f', _struct.pack('<f', v))[0]

    def check_char(self, v):
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v


def _checker(typecode):
    return _Checker(typecode).check


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s' % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _ITEMSIZE[typecode]
        self._check = _checker(typecode)
        self._items = []
        if initializer is not None:
            if isinstance(initializer, str) and typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self.extend(initializer)

    def _same(self, other):
        if not isinstance(other, array):
            return False
        return True

    def append(self, v):
        self._items.append(self._check(v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        check = self._check
        self._items.extend([check(v) for v in iterable])

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        self.extend(lst)

    def tolist(self):
        return list(self._items)

    def insert(self, i, v):
        self._items.insert(i, self._check(v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        items = self._items if stop is None else self._items[:stop]
        for i in range(start, len(items)):
            if items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def buffer_info(self):
        return (id(self), len(self._items))

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def tobytes(self):
        code = self.typecode
        if code == 'u':
            code = 'I'
            items = [ord(c) for c in self._items]
        else:
            items = self._items
        return _struct.pack('<%d%s' % (len(items), code), *items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self.typecode)
            r._items = self._items[i]
            return r
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            self._items[i] = v._items
            return
        try:
            self._items[i] = self._check(v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        del self._items[i]

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self.typecode
        if self.typecode == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self.typecode, self._items)

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        return self._items < other._items

    def __le__(self, other):
        return self._items <= other._items

    def __gt__(self, other):
        return self._items > other._items

    def __ge__(self, other):
        return self._items >= other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        r = array(self.typecode)
        r._items = self._items + other._items
        return r

    def __iadd__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only extend with array of same kind')
        self._items.extend(other._items)
        return self

    def __mul__(self, n):
        r = array(self.typecode)
        r._items = self._items * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __copy__(self):
        r = array(self.typecode)
        r._items = list(self._items)
        return r

    def __deepcopy__(self, memo):
        return self.__copy__()


ArrayType = array
