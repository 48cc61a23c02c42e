# del of names, attributes, subscripts and slices.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)


class Box:
    def __init__(self):
        self.a = 1
        self.b = 2


box = Box()
del box.a
print(hasattr(box, "a"), box.b)
try:
    del box.a
except AttributeError as e:
    print(type(e).__name__, e)
lst = [0, 1, 2, 3, 4, 5, 6, 7]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
try:
    print(b)
except NameError as e:
    print(type(e).__name__, e)
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
