# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = None
print(x is None, x is not None)
print(2 in a, 3 in a, 3 not in a)
print("ell" in "hello", "z" not in "hello", "" in "abc")
d = {"k": 1, 2: "two"}
print("k" in d, 1 in d, 2 in d, "two" in d)
print(1 in {1, 2}, (1, 2) in [(1, 2)], [1] in [[1]])
print(1 in (1.0, 2), True in [1], 0 in [False])
print(1 in range(3), 5 in range(3))
e = []
print(e in [[]], any(item is e for item in [[]]))


class Box:
    pass


p = Box()
q = Box()
print(p is p, p is q, p in [q, p], p == q)
print(type(p) is Box, type(p) is not object)
