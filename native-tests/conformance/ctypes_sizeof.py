# ctypes.sizeof of the basic C types on 64-bit Linux.
import ctypes

print("c_char", ctypes.sizeof(ctypes.c_char))
print("c_int", ctypes.sizeof(ctypes.c_int))
print("c_long", ctypes.sizeof(ctypes.c_long))
print("c_ssize_t", ctypes.sizeof(ctypes.c_ssize_t))
print("c_void_p", ctypes.sizeof(ctypes.c_void_p))
print("py_object", ctypes.sizeof(ctypes.py_object))
print("instances:", ctypes.sizeof(ctypes.c_int(5)), ctypes.sizeof(ctypes.c_long(5)))
print(ctypes.c_int(7).value, ctypes.c_long(-3).value, ctypes.c_ssize_t(2 ** 40).value)
print(ctypes.c_int(2 ** 31).value, ctypes.c_int(2 ** 32 + 5).value)
print(ctypes.c_void_p(0).value, ctypes.c_void_p(4096).value)
print(ctypes.c_char(65).value, ctypes.c_char(b"z").value)
