# Everyday list methods.
lst = [3, 1, 2]
lst.append(4)
print(lst)
lst.extend([5, 6])
lst.extend((7,))
lst.extend("ab")
print(lst)
lst.insert(0, "first")
lst.insert(100, "last")
lst.insert(-1, "before last")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove("a")
print(lst, lst.index(2), lst.count(2), lst.index(5, 2))
nums = [5, 3, 8, 1]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
c = nums.copy()
c.append(99)
print(nums, c)
c.clear()
print(c, len(c))
print([1, 2, 3].append(4), [2, 1].sort())
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].remove(2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1].index(2)
except ValueError as e:
    print(type(e).__name__, e)
