from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): print('compute', x); return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info(), sq.__name__)
sq.cache_clear(); print(sq.cache_info())
@cache
def g(a, b=1): return a + b
print(g(1), g(1, b=2), g(1), g.cache_info())
@lru_cache
def h(x): return x
print(h(1), h(1), h.cache_info())
