import sys

# Literals with every escape kind, and their reprs.
print(b"", b"a", b'it\'s', b"say \"hi\"", b'both \' and "')
print(b"\\ \a \b \f \n \r \t \v \x00 \x7f \x80 \xff \101 \0 \177"[:40])
print(rb"\n\x41", br"raw\\")
print(b"abc" b"def", len(b"\x00" * 10))

# Sizes follow CPython's PyBytesObject: 33 + n.
for n in (0, 1, 2, 3, 10, 100):
    print(n, sys.getsizeof(b"x" * n))

b = b"hello world"
print(b[0], b[-1], b[4], b[1:5], b[::2], b[::-1], b[100:], b[-3:])
print(len(b), bool(b), bool(b""), list(b[:3]), tuple(b"ab"))
for x in b"AZ":
    print(x, end=" ")
print()

# Comparisons and hashing.
print(b"a" < b"b", b"ab" < b"abc", b"b" > b"abc", b"x" == b"x", b"x" != b"y", b"a" <= b"a")
print(b"abc" == "abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") == b"abc")
print(hash(b"abc") == hash("abc"), hash(b"") == hash(""), hash(b"\xe9") == hash("\xe9"))
d = {b"k": 1, b"j": 2}
print(d[b"k"], b"j" in d, sorted([b"b", b"a", b"ab"]), max(b"zab"), min(b"zab"), sum(b"\x01\x02"))

# Concatenation, repetition, membership.
key = "x"
print(b"a" + b"b", b"ab" * 3, 2 * b"xy", b"q" * 0, b"q" * -1)
print(98 in b"abc", 100 in b"abc", b"bc" in b"abc", b"" in b"abc", b"cb" in b"abc")
for bad in (lambda: b"a" + "b", lambda: "a" + b"b", lambda: b"a" * 2.0, lambda: "x" in b"abc",
            lambda: 300 in b"abc", lambda: b"abc"[3], lambda: b"abc"[key]):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

# Constructors.
print(bytes(), bytes(4), bytes([65, 66, 67]), bytes(range(3)), bytes((x for x in [104, 105])))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes(b"copy"), bytes(bytearray(b"ba")))
class WithBytes:
    def __bytes__(self):
        return b"from dunder"
print(bytes(WithBytes()))
for bad in (lambda: bytes("abc"), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]),
            lambda: bytes(["a"]), lambda: bytes(1.5), lambda: bytes(5, "ascii"), lambda: bytes("x", "nope")):
    try:
        bad()
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)

# str() and formatting give the repr.
print(str(b"x\n"), f"{b'y'}", f"{b'z'!r}", "%s %r" % (b"s", b"r"), [b"in list"], (b"t",))
one = bytes([97])
print(one is b"a"[0:1], bytes() is b""[:0])
