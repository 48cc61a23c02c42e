# break, continue and pass, including in nested loops.
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print("i", i)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for x in row:
        if x == 4:
            found = x
            break
        print("checked", x)
    if found is not None:
        break
print("found", found)
for i in range(3):
    pass
print("pass leaves i =", i)


def todo():
    pass


print(todo())


class Nothing:
    pass


print(type(Nothing()).__name__)
n = 0
while n < 10:
    n += 1
    if n < 8:
        continue
    print("n", n)
