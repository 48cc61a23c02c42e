# Subscripts and slices on lists, tuples and strings.
lst = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(lst[0], lst[-1], lst[3], lst[-3])
print(lst[2:5], lst[:3], lst[7:], lst[:], lst[-3:], lst[:-7])
print(lst[::2], lst[1::3], lst[::-1], lst[8:2:-2], lst[-1:-4:-1])
print(lst[5:2], lst[20:], lst[-20:2], lst[3:3])
t = (10, 20, 30, 40)
print(t[1], t[-1], t[1:3], t[::-1], type(t[1:3]).__name__)
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[::2], s[::-1], s[10:], repr(s[5:1]))
copy = lst[:]
print(copy == lst, copy is lst)
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[0][-1], m[-1][:2])
d = {"a": [1, 2, 3], (1, 2): "tuple key"}
print(d["a"][1], d[(1, 2)], d[1, 2])
i = 2
print(lst[i + 1], lst[i * 2:i * 4], lst[len(lst) - 1])
print(lst[1:9:3], s[-3:], s[:-3])
