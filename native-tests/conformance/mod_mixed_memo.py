# Dynamic programming the way people write it: lru_cache on recursive helpers.
from functools import lru_cache, partial, reduce, cmp_to_key
import operator

@lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a: return len(b)
    if not b: return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))

print(edit_distance('kitten', 'sitting'), edit_distance('flaw', 'lawn'), edit_distance('intention', 'execution'))
print(edit_distance.cache_info().hits > 0, edit_distance.cache_info().currsize)

@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0: return 1
    if n < 0 or k == 0: return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(n, n) for n in range(1, 16)], partitions(100, 100))

def power(base, exp): return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print([square(i) for i in range(6)], [cube(i) for i in range(4)])
print(reduce(operator.mul, range(1, 21)), reduce(operator.or_, [1, 2, 4, 8]))
def by_len_then_alpha(a, b):
    if len(a) != len(b): return len(a) - len(b)
    return -1 if a < b else (1 if a > b else 0)
print(sorted(['pear', 'fig', 'apple', 'kiwi', 'date'], key=cmp_to_key(by_len_then_alpha)))
@lru_cache(maxsize=3)
def slow_square(x):
    print('  computing', x)
    return x * x
for x in [1, 2, 3, 1, 4, 2, 5, 1]:
    slow_square(x)
print(slow_square.cache_info())
