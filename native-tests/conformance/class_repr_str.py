# __repr__ and __str__: print, str, repr, f-strings and containers.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100).zfill(2)

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"


class OnlyStr:
    def __str__(self):
        return "only str"


p = Point(1, "two")
print(p)
print(str(p), repr(p), [p, p], (p,), {"k": p})
m = Money(1234)
print(m, str(m), repr(m), [m])
print(f"{m} {m!r} {p!r} {p}")
o = OnlyStr()
print(o, str(o))
print(repr(o).startswith("<__main__.OnlyStr object at 0x"))
print("joined: " + ", ".join(str(x) for x in [m, Money(5)]))
