# Over-allocation: the size of a list only changes when its capacity does.
import sys

lst = []
last = sys.getsizeof(lst)
print(0, last)
for i in range(1, 40):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print(len(lst), size, "capacity", (size - 56) // 8)
        last = size
while len(lst) > 3:
    lst.pop()
print("after pops:", len(lst), sys.getsizeof(lst))
lst.clear()
print("cleared:", sys.getsizeof(lst))
d = {}
last = sys.getsizeof(d)
print("dict", 0, last)
for i in range(30):
    d[i] = i
    size = sys.getsizeof(d)
    if size != last:
        print("dict", len(d), size)
        last = size
