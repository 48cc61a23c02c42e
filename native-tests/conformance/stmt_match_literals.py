# match: literal, singleton, capture, wildcard and value patterns, guards, soft keywords.
import math

class Color:
    RED = 1
    GREEN = 2

def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hi" | "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "red"
        case math.pi:
            return "pi"
        case n if isinstance(n, int) and n > 100:
            return f"big {n}"
        case _:
            return "other"

for v in [0, -1, 2.5, "hi", "hello", b"raw", True, 1, None, 1.0, math.pi, 500, 7, "x"]:
    print(repr(v), describe(v))

# False matches 0 by ==, but `case False` uses `is`
match 0:
    case False:
        print("False matched 0")
    case 0:
        print("0 matched 0")

# names bound by a pattern stay bound even when the guard fails
match 42:
    case y if y < 0:
        print("negative")
    case _:
        print("y is", y)

# match and case are still ordinary names
match = [1, 2]
case = match[0]
print(match, case)
match (case):
    case 1:
        print("soft keywords ok")
