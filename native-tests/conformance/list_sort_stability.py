# sort is stable; key functions and reverse keep equal items in order.
records = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
print(sorted(records, key=lambda r: r[1], reverse=True))
records.sort(key=lambda r: r[0], reverse=True)
print(records)
records.sort(key=lambda r: r[1])
print(records)
words = ["bb", "a", "ccc", "dd", "e"]
words.sort(key=len)
print(words)
mixed = [3, 1.5, 2, True, 0]
mixed.sort()
print(mixed)
nested = [[2, "b"], [1, "z"], [2, "a"], [1, "a"]]
nested.sort()
print(nested)
