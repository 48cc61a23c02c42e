# List, dict and set comprehensions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "abc"])
print([[r * c for c in range(3)] for r in range(3)])
print({x: x * x for x in range(5)})
print({k: v for k, v in [("a", 1), ("b", 2)] if v > 1})
print({x % 4 for x in range(10)})
words = ["apple", "bob", "kiwi", "banana"]
print({w: len(w) for w in words})
print([w for w in words if len(w) > 3 if "a" in w])
print(sorted({len(w) for w in words}))
x = "outer"
print([x for x in range(3)], x)
pairs = {(i, j) for i in range(3) for j in range(3) if i < j}
print(sorted(pairs))
print([i if i < 2 else "big" for i in range(4)])
print({n: [m for m in range(n)] for n in range(4)})
