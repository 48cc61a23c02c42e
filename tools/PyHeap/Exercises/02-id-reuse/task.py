# Exercise 2: explain an id reused after free. Run it, then fill in SAME and WHY.


class Token:
    pass


a = Token()
first = id(a)
del a
b = Token()
second = id(b)
print(f"first Token at 0x{first:x}, second Token at 0x{second:x}")

# Did the second Token get the first one's address? True or False.
SAME = None
# Why? The letter of the explanation:
#   "a": ids are serial numbers; every new object takes the next one
#   "b": the first Token's block went back to its pool's free list, and the next object of
#        the same size class was given the most recently freed block
#   "c": Python caches Token objects and handed the old one back, unchanged
WHY = None
