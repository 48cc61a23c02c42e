from fractions import Fraction
a = Fraction(3, 4); b = Fraction('1/3'); c = Fraction(-6, -8)
print(a, b, repr(a), c, a == c, Fraction(6, -4), Fraction(5), Fraction('2.5'), Fraction('-1.25e-1'), Fraction(' 7/21 '))
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(Fraction(-1, 2)), a ** 2, a ** -2, Fraction(-2, 3) ** -3)
print(a + 1, 1 + a, a * 2, 2 - a, a + 0.5, 0.25 * a, 1 / a, a < b, a > 0.7, a == 0.75, b <= Fraction(1, 3), 1 < a)
print(Fraction(0.1), Fraction(0.1).limit_denominator(10), Fraction(3.14159).limit_denominator(100), Fraction(1, 3).limit_denominator(2))
print(float(b), int(Fraction(-7, 2)), Fraction(5, 2).__round__(), Fraction(7, 2).__round__(), Fraction(22, 7).__round__(2), a.numerator, a.denominator, a.as_integer_ratio(), Fraction(4, 2).is_integer())
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)), hash(Fraction(-1, 3)))
print(sum([Fraction(1, n) for n in range(1, 8)]), sorted([Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)]), max(Fraction(5, 7), Fraction(2, 3)))
print('%s' % Fraction(9, 12), f'{Fraction(1, 8)}', bool(Fraction(0)), Fraction(2, 4) in {Fraction(1, 2): 'half'})
for bad in [(1, 0), ('abc',), ('1/0',)]:
    try: Fraction(*bad)
    except (ZeroDivisionError, ValueError) as e: print(type(e).__name__, e)
try: Fraction(1, 2) / 0
except ZeroDivisionError as e: print(e)
