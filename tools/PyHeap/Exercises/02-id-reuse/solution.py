# Exercise 2, a solution: the freed block is the first one pymalloc hands out again.


class Token:
    pass


a = Token()
first = id(a)
del a
b = Token()
second = id(b)
print(f"first Token at 0x{first:x}, second Token at 0x{second:x}")

SAME = second == first
WHY = "b"
