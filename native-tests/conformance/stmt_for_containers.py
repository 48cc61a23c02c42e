# for over lists, tuples, dicts, strings, and nested structures.
for x in [10, 20, 30]:
    print("list item", x)
for x in ("a", 1, None):
    print("tuple item", repr(x))
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print("key", k)
for k, v in d.items():
    print(k, "->", v)
for v in d.values():
    print("value", v)
for ch in "héllo":
    print(ch, end=" ")
print()
pairs = [(1, "a"), (2, "b")]
for num, letter in pairs:
    print(num, letter)
matrix = [[1, 2, 3], [4, 5, 6]]
for row in matrix:
    for cell in row:
        print(cell, end=",")
    print()
for i, ch in enumerate("xyz"):
    print(i, ch)
for a, b in zip([1, 2, 3], "pq"):
    print(a, b)
