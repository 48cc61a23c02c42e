# Augmented assignment on names, attributes, subscripts; in-place list ops.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 10; print(x)
x /= 4; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 2; print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
a = [1]
b = a
a += [2, 3]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)


class Box:
    def __init__(self):
        self.n = 1


box = Box()
box.n += 41
print(box.n)
d = {"k": 1}
d["k"] += 1
d["k"] *= 10
print(d)
lst = [1, 2, 3]
lst[1] += 100
lst[-1] -= 1
print(lst)
