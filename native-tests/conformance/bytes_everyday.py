# bytes in everyday company: seeding random, ctypes, int(), reversed, formatting, memoryview equality.
import random
random.seed(b"abc"); print(random.random())
random.seed(bytearray(b"abc")); print(random.random())
print(isinstance(b"", bytes), isinstance(bytearray(), bytearray), type(b"").__name__, bytes.__name__, type(memoryview(b"")).__name__)
f = b"a-b".split
print(f(b"-"), {b"x", b"x", b"y"} == {b"x", b"y"}, sorted([bytearray(b"b"), bytearray(b"a")]))
print(memoryview(b"ab") == b"ab", memoryview(b"ab") != b"ab", b"ab" == memoryview(b"ab"), memoryview(b"ab") == bytearray(b"ab"), memoryview(b"ab") == "ab")
print(int(b"12"), int(bytearray(b" 7 ")), int(b"ff", 16))
print(repr(bytearray(b"it's")), ascii(b"x"), b"abc".__len__(), bytes.fromhex("41").decode())
print(list(reversed(b"abc")), b"abc"[True], b"ab" in [b"ab"], next(enumerate(b"ab")))
print(max([b"a", b"b"]), b"".join(x.to_bytes(1, "big") for x in range(65, 68)))
print("{}".format(b"fmt"), "{!r:>12}".format(b"fmt"), "%-8r|" % b"x")
import ctypes
s = ctypes.string_at(id(b"xyz") + 32, 3)
print(s, type(s).__name__, ctypes.c_char(b"q").value)
x = bytearray(b"abc"); x[0:0] = x; print(x)
y = bytearray(b"abc"); y.extend(y); print(y)
print(b"a\x00b".split(b"\x00"), b"\x00".hex(), len(b"\x00\x00"))
print(b"abc" < b"abd" < b"b", bytearray(b"z") > b"a")
z = b"abc"
z += b"def"
print(z, b"%s" % memoryview(b"mv"))
print(b"x".__add__(b"y") if hasattr(b"x", "__add__") else b"xy")
