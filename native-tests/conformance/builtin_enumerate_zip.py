# enumerate and zip.
print(list(enumerate(["a", "b", "c"])))
print(list(enumerate("xy", 1)), list(enumerate("xy", start=10)))
for i, (a, b) in enumerate(zip("abc", [1, 2, 3])):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])))
print(list(zip(range(3), range(10, 13), range(20, 23))))
names = ["ann", "bob"]
ages = [31, 42]
print(dict(zip(names, ages)))
e = enumerate([7, 8])
print(type(e).__name__, next(e), next(e))
z = zip("ab", "cd")
print(type(z).__name__, next(z))
print([i * v for i, v in enumerate([5, 5, 5])])
