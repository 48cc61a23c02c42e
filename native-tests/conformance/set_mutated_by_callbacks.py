# A set whose elements' __eq__ changes it while it is probed, walked or printed.
class E:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        if armed:
            s.clear()
        return isinstance(other, E) and self.v == other.v
    def __repr__(self):
        return "E(%d)" % self.v

def show(x):
    return sorted(e.v for e in x)

armed = False
s = {E(i) for i in range(8)}
armed = True
print(E(3) in s, show(s))

armed = False
s = {E(i) for i in range(8)}
armed = True
s.add(E(4))
armed = False
print(show(s))

s = {E(i) for i in range(8)}
o = {E(i) for i in range(8)}
armed = True
print(show(s & o), show(s), s.isdisjoint({E(1)}))
armed = False

s = {E(i) for i in range(8)}
o = {E(i) for i in range(8)}
armed = True
print(s == o, show(s - o))
armed = False

s = set(range(8))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(s))


class Loud:
    def __repr__(self):
        t.clear()
        t.add(99)
        return "Loud"

t = {Loud()}
print(t, t)
