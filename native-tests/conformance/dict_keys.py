# Key types: ints, strings, tuples, bools and floats that compare equal.
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "true"
print(d, len(d))
d[(1, 2)] = "tuple"
d["1"] = "string"
d[None] = "none"
print(len(d), d[(1, 2)], d["1"], d[None], d[1])
print((1, 2) in d, (2, 1) in d)
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[{"a": 1}] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(d["missing"])
except KeyError as e:
    print(type(e).__name__, e)
try:
    print(d[(3, 4)])
except KeyError as e:
    print(type(e).__name__, e)
try:
    print(d[42])
except KeyError as e:
    print(type(e).__name__, e, e.args)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
