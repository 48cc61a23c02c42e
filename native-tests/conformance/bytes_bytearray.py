import sys

ba = bytearray(b"hello")
print(ba, repr(ba), str(ba), len(ba), ba[0], ba[-1], ba[1:3], ba[::-1], type(ba[1:3]).__name__)
ba[0] = ord("H")
ba[-1] = 79
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"abcdef"
print(ba)
ba[2:6] = []
print(ba)
ba[::2] = b"123"
print(ba)
del ba[0]
print(ba)
del ba[1:3]
print(ba)
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.extend(x for x in range(48, 51))
ba.insert(0, 60)
ba.insert(-1, 61)
ba.insert(100, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(33)
print(ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba += b"+="
print(ba)
ba *= 2
print(ba)
print(ba + b"!", b"!" + ba, type(b"!" + ba).__name__, ba * 0, bytearray(b"ab") * 2)
ba.clear()
print(ba, len(ba))

for bad in (lambda: ba.append(256), lambda: ba.append("a"), lambda: ba.pop(), lambda: bytearray(b"a").remove(98),
            lambda: hash(bytearray()), lambda: bytearray(b"ab").__setitem__(0, 300), lambda: bytearray(b"ab").__setitem__(5, 1),
            lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"x"), lambda: bytearray(b"ab").extend("str"),
            lambda: bytearray(b"ab").extend(5), lambda: bytearray(b"ab").__setitem__(slice(0, 1), 5),
            lambda: bytearray(b"x") + "y", lambda: bytearray(b"ab")[9]):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

# Constructors and methods shared with bytes return bytearrays.
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x"), bytearray(range(3)))
print(bytearray(b"a-b").split(b"-"), bytearray(b" x ").strip(), bytearray(b"ab").upper(), bytearray(b"q=w").partition(b"="))
print(bytearray(b"abc").decode(), bytearray(b"abc").hex(), bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b")
print(bytearray(b"%d") % 5, bytearray(b"-").join([b"a", b"b"]), 98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"))

# sys.getsizeof follows CPython's growth pattern for the separate buffer.
for n in (0, 1, 2, 5, 8, 16, 100):
    print(n, sys.getsizeof(bytearray(n)), sys.getsizeof(bytearray(b"x" * n)))
grow = bytearray()
sizes = []
for i in range(40):
    grow.append(i)
    sizes.append(sys.getsizeof(grow))
print(sizes)
big = bytearray(b"x" * 100)
del big[10:]
print(sys.getsizeof(big), len(big))
front = bytearray(b"y" * 100)
del front[:10]
print(sys.getsizeof(front), len(front))
front.clear()
print(sys.getsizeof(front))
print(sys.getsizeof(bytearray(range(5))), sys.getsizeof(bytearray("abc", "ascii")))
grow = bytearray(b"x" * 20)
grow += b"y" * 3
print(sys.getsizeof(grow))

# Iteration reads the bytearray as it is at each step.
live = bytearray(b"abc")
seen = []
for x in live:
    seen.append(x)
    if len(live) < 6:
        live.append(x + 1)
print(seen, live)
