# PEP 683: None, True, False and small ints are immortal in 3.12; their
# reference count field stays at 4294967295 however many references exist.
import ctypes
import sys


def rc_at(address):
    return ctypes.c_ssize_t.from_address(address).value


print(rc_at(id(None)))
print(rc_at(id(True)), rc_at(id(False)))
print(rc_at(id(0)), rc_at(id(256)), rc_at(id(-5)))
many = [None] * 1000
print("after 1000 more refs:", rc_at(id(None)))
print(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(7))
print("low 32 bits as c_int:", ctypes.c_int.from_address(id(None)).value)
big = 10 ** (len(many) // 50)  # computed at run time, bound to one name
print("a big int is not immortal:", rc_at(id(big)))
print(4294967295 == 2 ** 32 - 1)
