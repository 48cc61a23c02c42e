# any and all.
print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]))
print(any("abc"), all(""), any([None, "", 0.0]), all([1, "x", [0]]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -5]))
print(all(isinstance(x, int) for x in [1, 2, True]), any(isinstance(x, str) for x in [1, 2]))
print(any({0: "a"}), any({1: "a"}), all({0, 1}), any(set()))
seen = []


def check(v):
    seen.append(v)
    return v


print(any(check(v) for v in [0, 0, 3, 4]), seen)
seen.clear()
print(all(check(v) for v in [1, 0, 3]), seen)
