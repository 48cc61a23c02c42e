# Comparison, concatenation, repetition, membership, nesting.
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 3], [2] > [1, 99])
print([1, [2, 3]] == [1, [2, 3]], [] < [0], [[]] > [])
print([1, 2] + [3], [0] * 3, 2 * ["x"], [] * 10, [1, 2] * 0)
print(3 in [1, 2, 3], [1] in [[1], [2]], 4 not in [1, 2])
m = [[1, 2], [3, 4]]
print(m[1][0], len(m), sum(len(r) for r in m))
print([x for row in m for x in row])
l1 = [1, 2]
l2 = l1 + [3]
print(l1, l2, l1 is l2)
print(len([None] * 5), [None] * 2)
print(list("ab") + list("cd"))
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * 2.5
except TypeError as e:
    print(type(e).__name__, e)
