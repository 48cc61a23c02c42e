# __eq__ and __hash__: equality, dict keys, set members, default identity.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return isinstance(other, Key) and self.a == other.a and self.b == other.b

    def __hash__(self):
        return hash((self.a, self.b))


k1 = Key(1, 2)
k2 = Key(1, 2)
k3 = Key(2, 1)
print(k1 == k2, k1 is k2, k1 == k3, k1 != k3, k1 == "x")
print(hash(k1) == hash(k2), hash(k1) == hash((1, 2)))
d = {k1: "first"}
d[k2] = "second"
print(len(d), d[Key(1, 2)])
s = {k1, k2, k3}
print(len(s), Key(2, 1) in s, [k1, k3].index(Key(2, 1)), [k1, k2].count(k2))


class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(NoHash(1) == NoHash(1), NoHash(1) != NoHash(2))
try:
    {NoHash(1)}
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


p = Plain()
q = Plain()
print(p == p, p == q, {p: 1}[p], len({p, q, p}))
