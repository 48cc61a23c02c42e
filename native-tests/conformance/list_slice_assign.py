# Slice assignment and deletion.
lst = list(range(10))
lst[2:5] = ["a", "b", "c"]
print(lst)
lst[2:5] = ["x"]
print(lst)
lst[1:1] = [100, 200]
print(lst)
lst[:] = [1, 2, 3]
print(lst)
lst[::2] = [10, 30]
print(lst)
lst[len(lst):] = [4, 5]
print(lst)
del lst[1:3]
print(lst)
lst[-1:] = []
print(lst)
a = [0] * 6
a[1::2] = [1, 1, 1]
print(a)
try:
    a[::2] = [9]
except ValueError as e:
    print(type(e).__name__, e)
b = [1, 2, 3]
alias = b
b[:] = [7]
print(alias, alias is b)
