# ctypes.string_at(address, n) copies n raw bytes.
import ctypes

s = "".join(["abc", "def"])
data = ctypes.string_at(id(s) + 40, 6)
print(data)
print(type(data).__name__, len(data))
print(ctypes.string_at(id(s) + 40, 3), ctypes.string_at(id(s) + 43, 3))
print(ctypes.string_at(id(s) + 40, 0))
print(data == b"abcdef", data[0], data[-1])
t = "x" * 4 + "y"
print(ctypes.string_at(id(t) + 40, len(t)))
print(ctypes.c_char.from_address(id(t) + 44).value)
n = 258 + len(s)
raw = ctypes.string_at(id(n) + 24, 4)
print("digit bytes, little-endian:", raw)
