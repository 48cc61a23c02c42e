# Reading CPython 3.12 object headers and fields through raw addresses.
import ctypes


def ssize(address):
    return ctypes.c_ssize_t.from_address(address).value


def ptr(address):
    return ctypes.c_void_p.from_address(address).value


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


lst = [10, 20, 30]
lst.append(40)
print("ob_type of a list:", ptr(id(lst) + 8) == id(list))
print("ob_size:", ssize(id(lst) + 16))
items = ptr(id(lst) + 24)
print("ob_item[0]:", ptr(items) == id(lst[0]), "ob_item[3]:", ptr(items + 24) == id(lst[3]))
print("allocated:", ssize(id(lst) + 32))
n = Node(1)
print("ob_type of an instance:", ptr(id(n) + 8) == id(Node))
t = (n, lst)
print("tuple ob_size:", ssize(id(t) + 16))
print("tuple items inline:", ptr(id(t) + 24) == id(n), ptr(id(t) + 32) == id(lst))
x = 1000 + len(lst)
print("int digit:", ctypes.c_int.from_address(id(x) + 24).value)
print("int lv_tag (1 digit, positive):", ssize(id(x) + 16))
y = -x
print("negative lv_tag:", ssize(id(y) + 16))
s = "hello" + str(len(lst))
print("str length:", ssize(id(s) + 16))
print("ascii data:", ctypes.string_at(id(s) + 40, len(s)))
print("first char:", ctypes.c_char.from_address(id(s) + 40).value)
print("NUL terminated:", ctypes.string_at(id(s) + 40 + len(s), 1))
