import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.not_(0), operator.abs(-3), operator.truediv(1, 4))
print(sorted([(1, 'b'), (0, 'a'), (2, 'c')], key=itemgetter(1)), itemgetter(0, 2)('abc'))
class P:
    def __init__(self, n): self.n = n; self.me = self
print(attrgetter('n')(P(3)), attrgetter('me.n', 'n')(P(4)), methodcaller('upper')('ab'), methodcaller('split', ',', 1)('a,b,c'))
print(itemgetter(1), attrgetter('a', 'b.c'), methodcaller('f', 1, k=2))
print(operator.contains([1], 1), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'), operator.iadd([1], [2]), operator.getitem({1: 2}, 1))
print(operator.lt(1, 2), operator.eq('a', 'a'), operator.is_(None, None), operator.truth([]), operator.xor(5, 3), operator.pow(2, 10), operator.mod(7, 3))
