# Binary and unary operators through the number slots: reflected methods, subclass priority.
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        print("V.__add__")
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        print("V.__radd__")
        return V(other + self.x)
    def __repr__(self):
        return f"V({self.x})"

class W(V):
    def __radd__(self, other):
        print("W.__radd__")
        return W(100)
    def __repr__(self):
        return f"W({self.x})"

print(V(1) + V(2))
print(1 + V(2))
print(V(1) + 1)
print(V(1) + W(2))    # W overrides __radd__ and subclasses V: asked first
print(W(1) + V(2))

class Inherits(V):
    pass
print(V(1) + Inherits(2))   # same __radd__ as V: the left operand goes first

class Declines:
    def __add__(self, other):
        return NotImplemented
    def __iadd__(self, other):
        print("Declines.__iadd__")
        return "in place"
try:
    Declines() + Declines()
except TypeError as e:
    print("TypeError:", e)
d = Declines()
d += 1
print(d)

class OnlyAdd:
    def __add__(self, other):
        return "added"
o = OnlyAdd()
o += 5                # no __iadd__: falls back to __add__
print(o)

class Mul:
    def __mul__(self, other):
        return "mul"
    def __rmul__(self, other):
        return "rmul"
print(Mul() * [1], [1] * Mul(), 2 * Mul(), "ab" * 2)

class Pow:
    def __pow__(self, other):
        return "pow"
    def __rpow__(self, other):
        return "rpow"
print(Pow() ** 2, 2 ** Pow(), pow(Pow(), 2))

class Signs:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "invert"
    def __bool__(self):
        return False
print(-Signs(), +Signs(), ~Signs(), not Signs(), bool(Signs()))

for f in (lambda: [1] + "a", lambda: -"a", lambda: 1 @ 2, lambda: 1.5 & 2, lambda: V(1) - 1, lambda: "a" + 1, lambda: [1] * 1.5):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
x = 1
try:
    x += "a"
except TypeError as e:
    print("TypeError:", e)
print(-True, ~5, +False, -2.5, 2 ** -1, 7 // 2, -7 % 3, 7.5 // 2, True & False, True | True, 3 ^ True)
print(1 + 2.5, 2.5 * 3, 10 / 4, 2 ** 100, (1 << 70) - 1, 5 % 0.5, 10 ** 20 + 1, -(10 ** 20), ~(2 ** 64))
