# Comparisons and chained comparisons.
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 3)
print(3 > 2 > 1, 3 > 2 < 1, 1 <= 1 < 2, 5 != 4 != 5)
print(1 == 1.0, 1 != 2, "a" < "b", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [])
print((1, 2) == (1, 2), (1, 2) == [1, 2], None == None, None == 0)


def noisy(v):
    print("eval", v)
    return v


print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(noisy(3) < noisy(2) < noisy(5))
try:
    print(1 < "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(True == 1, False == 0, True > False)
