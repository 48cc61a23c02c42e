# return: bare, with values, multiple values, early return from loops.
def nothing():
    return


def implicit():
    x = 1


def pair():
    return 1, "two"


def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    return -1


def nested(n):
    while True:
        for i in range(n):
            if i * i > n:
                return i
        return None


print(nothing(), implicit())
print(pair(), type(pair()).__name__)
a, b = pair()
print(a, b)
print(find([5, 6, 7], 7), find([5, 6, 7], 9))
print(nested(10), nested(0))


def sign(x):
    if x > 0:
        return "+"
    if x < 0:
        return "-"
    return "0"


print(sign(3), sign(-3), sign(0))


def early(lst):
    if not lst:
        return "empty"
    return lst[0]


print(early([]), early([9]))
