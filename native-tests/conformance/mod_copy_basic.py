import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, x, kids): self.x = x; self.kids = kids
    def __repr__(self): return 'P(%r, %r)' % (self.x, self.kids)
p = P(1, [P(2, [])]); q = copy.copy(p); r = copy.deepcopy(p)
p.kids.append('new'); print(q, r, q.kids is p.kids, type(r).__name__)
cyc = [1]; cyc.append(cyc); d = copy.deepcopy(cyc); print(d[1] is d, d is not cyc, len(d))
class C:
    def __init__(self): self.v = 0
    def __copy__(self): print('copy called'); return 'copied'
    def __deepcopy__(self, memo): print('deepcopy called', type(memo).__name__); return 'deep'
print(copy.copy(C()), copy.deepcopy([C()]))
t = (1, [2]); u = copy.deepcopy(t); print(u, u is t, u[1] is t[1], copy.deepcopy((1, 2)) is not None)
s = {1, 2}; print(copy.copy(s), copy.deepcopy({'a': (1, [2])}), copy.copy(5), copy.copy('s'), copy.deepcopy(None))
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
s1 = S(); s2 = copy.deepcopy(s1); s1.a.append(3); print(s2.a, s2.b)
shared = [1]; obj = [shared, shared]; dc = copy.deepcopy(obj); print(dc[0] is dc[1])
