# round() asks the type: a class's __round__ (with and without ndigits), TypeError without one,
# NaN and infinity refused; dict views are as true as their dict is long.
from fractions import Fraction
print(bool({}.items()), bool({}.keys()), bool({1:2}.values()))
class R:
    def __round__(self, n=None): return ("r", n)
print(round(R()), round(R(), 2))
print(round(Fraction(5, 2)))
print(round(Fraction(22, 7), 2))
try:
    round(object())
except TypeError as e:
    print(e)
for x in (float("nan"), float("inf")):
    try:
        round(x)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(round(2.5), round(-0.5), round(7, -1), round(2.675, 2), bool({1: 2}.items()))
