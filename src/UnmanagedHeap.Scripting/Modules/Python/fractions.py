# fractions: exact rational numbers, written for this interpreter from the documented
# behaviour (https://docs.python.org/3.12/library/fractions.html). Hashes agree with
# equal ints and floats, as the numeric hash of the language reference defines them.

import math as _math
import struct as _struct

__all__ = ['Fraction']

_PyHASH_MODULUS = 2305843009213693951   # 2**61 - 1, sys.hash_info.modulus on 64-bit
_PyHASH_INF = 314159


def _float_ratio(f):
    # The exact value of a finite float as (numerator, denominator), from its IEEE bits.
    if f != f:
        raise ValueError('cannot convert NaN to integer ratio')
    if f in (float('inf'), float('-inf')):
        raise OverflowError('cannot convert Infinity to integer ratio')
    bits = _struct.unpack('<Q', _struct.pack('<d', f))[0]
    sign = -1 if bits >> 63 else 1
    exp = (bits >> 52) & 0x7ff
    mant = bits & ((1 << 52) - 1)
    if exp == 0:
        exp = 1
    else:
        mant |= 1 << 52
    exp -= 1075
    if exp >= 0:
        return sign * mant * (1 << exp), 1
    den = 1 << -exp
    g = _math.gcd(mant, den)
    return sign * (mant // g), den // g


def _parse(s):
    text = s.strip()
    if not text:
        raise ValueError('Invalid literal for Fraction: %r' % s)
    if '/' in text:
        num, _, den = text.partition('/')
        num = num.strip()
        den = den.strip()
        if not _is_int_text(num) or not den.isdigit():
            raise ValueError('Invalid literal for Fraction: %r' % s)
        return int(num), int(den)
    sign = 1
    body = text
    if body[0] in '+-':
        if body[0] == '-':
            sign = -1
        body = body[1:]
    exp = 0
    low = body.lower()
    if 'e' in low:
        body, _, e = low.partition('e')
        if not _is_int_text(e):
            raise ValueError('Invalid literal for Fraction: %r' % s)
        exp = int(e)
    whole, dot, frac = body.partition('.')
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()) or not (whole or frac):
        raise ValueError('Invalid literal for Fraction: %r' % s)
    num = int(whole or '0') * 10 ** len(frac) + int(frac or '0')
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _is_int_text(t):
    if t[:1] in ('+', '-'):
        t = t[1:]
    return t.isdigit()


class Fraction:
    __slots__ = ('_numerator', '_denominator')

    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, int):
                n, d = int(numerator), 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = _float_ratio(numerator)
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
                if d == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % n)
            else:
                raise TypeError('argument should be a string or a Rational instance')
        else:
            if isinstance(numerator, int) and isinstance(denominator, int):
                n, d = int(numerator), int(denominator)
            elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n, d = a._numerator * b._denominator, a._denominator * b._numerator
            else:
                raise TypeError('both arguments should be Rational instances')
            if d == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g

    @classmethod
    def _new(cls, n, d):
        f = cls(0)
        f._numerator = n
        f._denominator = d
        return f

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' % (cls.__name__, f, type(f).__name__))
        return cls(f)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # The better of the two candidates; on a tie, the one with the smaller denominator.
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._new(p1, q1)
        return Fraction._new(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    # ---- arithmetic: Fraction with int or Fraction stays exact; with float, float.

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction._new(int(other), 1)
        return None

    def __add__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) + other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o._denominator + o._numerator * self._denominator,
                        self._denominator * o._denominator)

    def __radd__(self, other):
        o = self._coerce(other)
        if o is None:
            return other + float(self) if isinstance(other, float) else NotImplemented
        return o + self

    def __sub__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) - other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o._denominator - o._numerator * self._denominator,
                        self._denominator * o._denominator)

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is None:
            return other - float(self) if isinstance(other, float) else NotImplemented
        return o - self

    def __mul__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) * other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o._numerator, self._denominator * o._denominator)

    def __rmul__(self, other):
        o = self._coerce(other)
        if o is None:
            return other * float(self) if isinstance(other, float) else NotImplemented
        return o * self

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) / other if isinstance(other, float) else NotImplemented
        if o._numerator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (self._numerator * o._denominator))
        return Fraction(self._numerator * o._denominator, self._denominator * o._numerator)

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return other / float(self) if isinstance(other, float) else NotImplemented
        return o / self

    def __floordiv__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) // other if isinstance(other, float) else NotImplemented
        return (self._numerator * o._denominator) // (self._denominator * o._numerator)

    def __rfloordiv__(self, other):
        o = self._coerce(other)
        if o is None:
            return other // float(self) if isinstance(other, float) else NotImplemented
        return o // self

    def __mod__(self, other):
        o = self._coerce(other)
        if o is None:
            return float(self) % other if isinstance(other, float) else NotImplemented
        d = self._denominator * o._denominator
        return Fraction((self._numerator * o._denominator) % (o._numerator * self._denominator), d)

    def __rmod__(self, other):
        o = self._coerce(other)
        if o is None:
            return other % float(self) if isinstance(other, float) else NotImplemented
        return o % self

    def __divmod__(self, other):
        return (self // other, self % other)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other) if isinstance(other, int) else other._numerator
            if power >= 0:
                return Fraction._new(self._numerator ** power, self._denominator ** power)
            if self._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction._new(self._denominator ** -power, self._numerator ** -power)
            return Fraction._new((-self._denominator) ** -power, (-self._numerator) ** -power)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, int):
            return Fraction(other) ** self
        return other ** float(self)

    def __pos__(self):
        return Fraction._new(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._new(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._new(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        # Through __round__ itself: the builtin round() does not reach a class's __round__ here yet.
        if ndigits > 0:
            return Fraction((self * shift).__round__(), shift)
        return Fraction((self / shift).__round__() * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        dinv = pow(self._denominator, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)
        if not dinv:
            h = _PyHASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def _cmp_value(self, other):
        # (left, right) integers to compare, or None when other is no rational.
        if isinstance(other, Fraction):
            return self._numerator * other._denominator, other._numerator * self._denominator
        if isinstance(other, int):
            return self._numerator, other * self._denominator
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return None
            n, d = _float_ratio(other)
            return self._numerator * d, n * self._denominator
        return None

    def __eq__(self, other):
        if isinstance(other, float) and (other != other or other in (float('inf'), float('-inf'))):
            return False
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return v[0] == v[1]

    def _order(self, other, op):
        if isinstance(other, float) and (other != other or other in (float('inf'), float('-inf'))):
            return op(0.0, other)
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return op(v[0], v[1])

    def __lt__(self, other):
        return self._order(other, _lt)

    def __le__(self, other):
        return self._order(other, _le)

    def __gt__(self, other):
        return self._order(other, _gt)

    def __ge__(self, other):
        return self._order(other, _ge)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _lt(a, b): return a < b
def _le(a, b): return a <= b
def _gt(a, b): return a > b
def _ge(a, b): return a >= b
