# match: sequence patterns with and without a star, nested, and what counts as a sequence.
def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5), range(3), "ab", b"ab", {1: 2}, 5]:
    print(repr(v), shape(v))

def point(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y axis at {y}"
        case (x, 0):
            return f"on x axis at {x}"
        case [(a, b), *_]:
            return f"starts with pair {a},{b}"
        case (x, y):
            return f"at {x},{y}"
    return "unknown"

for p in [(0, 0), (0, 3), (4, 0), [(1, 2), 3, 4], (5, 6), (1, 2, 3)]:
    print(p, point(p))

match [1, 2, 3]:
    case *head, 3:
        print("head", head)

match (1, [2, 3]):
    case a, [b, *rest] as inner:
        print(a, b, rest, inner)

match [1, 2]:
    case [*all_]:
        print("all", all_)

match (1, 2):
    case [x, y]:
        print("tuple matched list pattern", x, y)
