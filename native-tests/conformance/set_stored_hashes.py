# Set operations, set(set), set(dict) and dict == dict reuse the stored hashes:
# a key's __hash__ is called when it is first stored, never again.
calls = 0
class H:
    def __init__(self, v): self.v = v
    def __hash__(self):
        global calls
        calls += 1
        return hash(self.v)
    def __eq__(self, o): return isinstance(o, H) and self.v == o.v
a = {H(i) for i in range(6)}
b = {H(i) for i in range(3, 9)}
calls = 0
r = [len(a & b), len(a | b), len(a - b), len(a ^ b), a <= b, a == b, a.isdisjoint(b)]
print(r, calls)
c = a.copy(); c |= b; c &= a; c -= b; c ^= a
print(len(c), calls)
d1 = {H(i): i for i in range(5)}
d2 = {H(i): i for i in range(5)}
calls = 0
print(d1 == d2, calls)
print(sorted(x.v for x in set(a)), calls)
calls = 0
print(len(set(d1)), len(frozenset(a)), calls)
