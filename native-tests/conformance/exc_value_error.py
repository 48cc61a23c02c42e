# ValueError messages.
cases = [
    lambda: int("abc"),
    lambda: int("12", 2),
    lambda: int("9", 8),
    lambda: float("nope"),
    lambda: [1, 2].index(3),
    lambda: [].remove(0),
    lambda: "abc".index("z"),
    lambda: max([]),
    lambda: range(0, 5, 0),
    lambda: "a,b".split(""),
    lambda: int("1.0"),
]
for case in cases:
    try:
        case()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("custom", 42)
except ValueError as e:
    print(e, e.args)
