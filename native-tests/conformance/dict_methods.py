# Everyday dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "none"), d)
d.update({"x": 9, "a": 11})
d.update(y=10)
d.update([("p", 0)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.popitem(), d)
e = d.copy()
e["new"] = 1
print(len(d), len(e), "new" in d)
e.clear()
print(e)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], "v"))
k = d.keys()
d["late"] = 5
print(k, len(k), "late" in k)
print(d.items() == {("a", 11), ("c", 3), ("x", 9), ("y", 10), ("late", 5)})
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
