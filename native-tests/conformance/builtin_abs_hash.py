# abs, and hash of numbers and tuples (str hashes are randomized: not shown).
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(-True), abs(-(2 ** 70)))
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(True), hash(None) == hash(None))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 61)))
print(hash(1.0), hash(1.5), hash(0.5), hash(-2.25), hash(1e100) == hash(10 ** 100))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((1, 2)) == hash((1, 2)))
print(hash(1) == hash(1.0) == hash(True))
print(hash("abc") == hash("ab" + "c"))
for bad in ([1], {"a": 1}, {1}):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
