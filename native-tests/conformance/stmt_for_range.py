# for over ranges.
for i in range(3):
    print("i =", i)
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(5, 0, -1)), list(range(10, 0, -3)), list(range(0)))
print(list(range(3, 3)), list(range(5, 1)))
total = 0
for i in range(1, 101):
    total += i
print("1..100:", total)
r = range(10, 20, 2)
print(len(r), r[0], r[-1], 14 in r, 15 in r)
print(r)
print(range(5))
for i in range(2):
    for j in range(i, 3):
        print(i, j)
last = None
for last in range(4):
    pass
print("loop variable after loop:", last)
