# List, tuple, dict and set displays.
print([], [1], [1, 2, 3], [1, "a", None, [2, 3]])
print((), (1,), (1, 2), 1, (1))
t = 1, 2, 3
print(t, type(t).__name__)
print({}, {"a": 1, "b": 2}, {1: "one", (2, 3): [4]})
print({1}, {3, 1, 2}, type({}).__name__, set())
print([1, 2, 3,], {"x": 1,}, (4, 5,))
nested = {"list": [1, {"deep": (2, 3)}], "t": ()}
print(nested)
print(nested["list"][1]["deep"][0])
print({"a": 1, "a": 2})
print([[]] * 3, [0] * 4, (1, 2) * 2)
print([1, 2] + [3], (1,) + (2,))
