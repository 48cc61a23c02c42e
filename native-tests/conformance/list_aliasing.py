# Names are labels: aliasing, copies, nested references.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid, grid[0] is grid[1])
outer = [[1, 2], [3]]
shallow = list(outer)
shallow[0].append(99)
shallow.append("new")
print(outer, shallow)


def modify(lst):
    lst.append("changed")
    lst = ["rebound"]
    return lst


orig = ["o"]
r = modify(orig)
print(orig, r)
x = [1]
y = [x, x]
x.append(2)
print(y, y[0] is y[1])
