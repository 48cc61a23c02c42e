# sys.getsizeof on 64-bit CPython 3.12 (containers include the 16-byte GC header).
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


class Empty:
    pass


print("None", sys.getsizeof(None))
print("True", sys.getsizeof(True), "False", sys.getsizeof(False))
print("ints", sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(-5), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 60), sys.getsizeof(2 ** 90))
print("float", sys.getsizeof(1.5))
print("str", sys.getsizeof(""), sys.getsizeof("abc"), sys.getsizeof("é"), sys.getsizeof("a" * 100))
print("tuple", sys.getsizeof(()), sys.getsizeof((1, 2)), sys.getsizeof((1, 2, 3, 4)))
print("list", sys.getsizeof([]), sys.getsizeof([1, 2, 3]))
print("dict", sys.getsizeof({}), sys.getsizeof({"a": 1}))
print("set", sys.getsizeof(set()), sys.getsizeof({1, 2, 3}))
print("Node", sys.getsizeof(Node(1)), "Empty", sys.getsizeof(Empty()))
print("getsizeof does not follow references:", sys.getsizeof([[1] * 100]) == sys.getsizeof([0]))
