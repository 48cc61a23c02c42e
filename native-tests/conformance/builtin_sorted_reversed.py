# sorted and reversed.
nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), nums)
print(sorted(nums, reverse=True))
print(sorted("banana"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}))
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
people = [("bob", 25), ("amy", 30), ("cal", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(list(reversed((1, 2))), "".join(reversed("stressed")))
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r))
print(sorted([]), sorted([1]), sorted([2, 1], key=None))
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
