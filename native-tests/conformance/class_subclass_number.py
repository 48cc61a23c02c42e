# Classes derived from int and float: arithmetic gives plain ints and floats, overrides win.
import sys


class Money(int):
    def __repr__(self):
        return f"${int(self)}"

    def __add__(self, other):
        return Money(int(self) + int(other))


class Plain(int):
    pass


m = Money(5)
p = Plain(7)
print(m, m + 3, type(m + 3).__name__, 3 + m, type(3 + m).__name__)
print(p, p * 2, type(p * 2).__name__, p - 1, -p, p // 2, p % 4, p ** 2, p & 3, p << 1, abs(Plain(-3)))
print(p == 7, p < 8, hash(p) == hash(7), {7: "seven"}[p], isinstance(p, int), int(p), type(int(p)).__name__)
print(bool(Plain(0)), bool(p), str(p), f"{p:05d}", Plain("42"), Plain("ff", 16), sorted([Plain(3), 1, Plain(2)]))
print([0, 1, 2, 3, 4, 5, 6, 7][p], range(10)[Plain(2)], sys.getsizeof(Plain(5)) - sys.getsizeof(5))
p.note = "has a dict"
print(p.note)


class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, value)

    def to_f(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, c.to_f(), type(c.to_f()).__name__, c + 1, type(c + 1).__name__, c > 50, float(c), type(float(c)).__name__)
print(round(Celsius(2.5)), int(Celsius(3.9)), Celsius("1.5"), sys.getsizeof(Celsius(1)) - sys.getsizeof(1.0))


class Flag(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj


f = Flag(4, "four")
print(f, f.name, f | 1, type(f | 1).__name__)
print(Celsius(1.5) == 1.5, 1.5 == Celsius(1.5), Celsius(2) < Celsius(3), max(Celsius(1), 0.5))
