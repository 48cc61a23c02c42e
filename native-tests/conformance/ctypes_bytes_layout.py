# Reading bytes and bytearray objects field by field at their CPython 3.12 offsets.
import ctypes
import sys

ssize = ctypes.c_ssize_t
b = bytes(range(65, 71))
print(sys.getrefcount(b) - 1, ssize.from_address(id(b) + 16).value)
print(ssize.from_address(id(b) + 24).value)
h = hash(b)
print(ssize.from_address(id(b) + 24).value == h)
print(ctypes.string_at(id(b) + 32, 7))
print(ctypes.c_char.from_address(id(b) + 32).value, ctypes.c_char.from_address(id(b) + 38).value)
print(ctypes.string_at(id(b"") + 16, 8) == bytes(8), sys.getsizeof(b), sys.getsizeof(b""))

ba = bytearray(b"0123456789")
def fields(a):
    size = ssize.from_address(id(a) + 16).value
    alloc = ssize.from_address(id(a) + 24).value
    start_offset = ctypes.c_void_p.from_address(id(a) + 40).value - ctypes.c_void_p.from_address(id(a) + 32).value
    exports = ssize.from_address(id(a) + 48).value
    data = ctypes.string_at(ctypes.c_void_p.from_address(id(a) + 40).value, size)
    return size, alloc, start_offset, exports, data
print(fields(ba), sys.getsizeof(ba))
del ba[:3]
print(fields(ba), sys.getsizeof(ba))
ba.append(33)
print(fields(ba), sys.getsizeof(ba))
m = memoryview(ba)
print(fields(ba)[3])
m2 = m[1:3]
print(fields(ba)[3], m2.tobytes())
m.release()
print(fields(ba)[3])
del m2
print(fields(ba)[3])
empty = bytearray()
print(ssize.from_address(id(empty) + 24).value, ctypes.c_void_p.from_address(id(empty) + 32).value, sys.getsizeof(empty))
