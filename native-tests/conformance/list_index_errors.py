# Indexing errors and negative indexes on lists.
lst = ["a", "b", "c"]
print(lst[-1], lst[-3])
for i in (3, -4, 100):
    try:
        lst[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    lst[5] = "x"
except IndexError as e:
    print(type(e).__name__, e)
try:
    del lst[7]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst["0"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].pop(0)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
print(lst[1:100], lst[100:])
