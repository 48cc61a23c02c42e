# Dicts keep insertion order; overwriting keeps the position.
d = {}
for k in ["zebra", "apple", "mango"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(d)
del d["zebra"]
d["zebra"] = 1
print(d)
print(list(d), list(reversed(d)))
numbers = {3: "c", 1: "a", 2: "b"}
print(numbers, sorted(numbers))
m = {"b": 1, "a": 2}
m.update({"c": 3, "b": 4})
print(m)
print({"x": 1, "y": 2} == {"y": 2, "x": 1})
print(list({1: 0, 1.0: 1, True: 2}.items()))
