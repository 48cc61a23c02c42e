# ZeroDivisionError messages for each operator and type.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0,
    lambda: 1.0 % 0,
    lambda: 1 / 0.0,
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: (2 ** 100) // 0,
]
for case in cases:
    try:
        case()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(isinstance(ZeroDivisionError(), ArithmeticError))
x = 0
try:
    x /= 0
except ZeroDivisionError as e:
    print("augmented:", e)
