# and / or return an operand; not returns a bool; short-circuiting.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print(not 0, not 1, not "", not [1], not None)
print([] and "never", [0] and "yes")


def side(v):
    print("evaluated", v)
    return v


r = side(0) and side(1)
print("->", r)
r = side(1) or side(2)
print("->", r)
r = side(1) and side(2) and side(3)
print("->", r)
r = side(0) or side(None) or side("last")
print("->", r)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(True and not False, False or not True)
x = 7
print(x > 5 and x < 10, x < 5 or x > 6)
name = None
print(name or "anonymous")
