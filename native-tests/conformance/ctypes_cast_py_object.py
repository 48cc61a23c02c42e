# ctypes.cast(address, ctypes.py_object).value turns an id back into the object.
import ctypes


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def back(address):
    return ctypes.cast(address, ctypes.py_object).value


n = Node(1)
print(back(id(n)) is n)
print(back(id(n)).value)
lst = [1, 2, 3]
print(back(id(lst)) is lst, back(id(lst)))
s = "hello"
print(back(id(s)) is s, back(id(s)))
print(back(id(None)) is None)
print(back(id(Node)) is Node, back(id(Node)).__name__)
d = {"k": n}
print(back(id(d))["k"] is n)
po = ctypes.py_object(n)
print(type(po).__name__, po.value is n)
print(ctypes.cast(id(n), ctypes.c_void_p).value == id(n))
