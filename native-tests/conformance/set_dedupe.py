# Sets for membership and de-duplication (strings are shown sorted).
data = [3, 1, 3, 2, 1, 5, 3]
print(set(data), len(set(data)), sorted(set(data)))
seen = set()
unique_in_order = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique_in_order.append(x)
print(unique_in_order)
text = "the quick brown fox jumps over the lazy dog the end"
words = text.split()
print(len(words), len(set(words)), sorted(set(words))[:4])
letters = set("hello world") - {" "}
print(sorted(letters), len(letters))
print(set("abc") == set("cba"), {(1, 2), (1, 2)} == {(1, 2)})
print({x * x for x in range(-3, 4)})
print({True, 1, 1.0}, {0, False})
