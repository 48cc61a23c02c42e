from functools import partial
def f(a, b, c=0, *, d=1): return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=6), p.args, p.keywords, partial(p, 9)(c=4))
