b = b"Hello, World! Hello!"
print(b.count(b"l"), b.count(b"Hello"), b.count(108), b.count(b""), b.count(b"l", 5), b.count(b"l", 5, 10))
print(b.find(b"o"), b.find(b"o", 5), b.find(b"zz"), b.rfind(b"o"), b.rfind(b"Hello"), b.find(111), b.find(b"", 3))
print(b.index(b"W"), b.rindex(b"l"))
try:
    b.index(b"zz")
except ValueError as e:
    print("ValueError", e)
print(b.startswith(b"Hell"), b.startswith((b"x", b"He")), b.endswith(b"!"), b.endswith(b"lo", 0, 5), b.startswith(b"World", 7))
try:
    b.startswith("H")
except TypeError as e:
    print("TypeError", e)

print(b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1))
print(b"  one two\tthree\n ".split(), b"  one two  three ".split(None, 1), b" a b c ".rsplit(None, 1))
print(b"".split(), b"".split(b","), b"abc".split(b"abc"))
try:
    b"abc".split(b"")
except ValueError as e:
    print("ValueError", e)
print(b"line1\nline2\r\nline3".splitlines(), b"a\nb\n".splitlines(True))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join([b"x", bytearray(b"y")]))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("TypeError", e)
print(b"aaaa".replace(b"a", b"b"), b"aaaa".replace(b"a", b"b", 2), b"abc".replace(b"", b"-"), b"abc".replace(b"x", b"y"))
print(b"  pad  ".strip(), b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxpadxx".strip(b"x"), b"\t\n x \r\x0b\x0c".strip())
print(b"ab".ljust(5), b"ab".rjust(5, b"*"), b"ab".center(7, b"-"), b"abc".center(6, b"-"), b"toolong".ljust(3))
try:
    b"ab".ljust(5, b"**")
except TypeError as e:
    print("TypeError", e)
print(b"42".zfill(6), b"-42".zfill(6), b"+7".zfill(4), b"".zfill(3), b"abc".zfill(2))
print(b"MiXeD 123".upper(), b"MiXeD 123".lower(), b"MiXeD".swapcase(), b"hello WORLD".capitalize(), b"caf\xe9".upper())
print(b"123".isdigit(), b"12a".isdigit(), b"".isdigit(), b"abc".isalpha(), b"ab1".isalpha(), b"ab1".isalnum())
print(b" \t\n".isspace(), b" x".isspace(), b"abc".islower(), b"ABC".isupper(), b"aBc".islower(), b"\xe9".isalpha(), b"abc".isascii(), b"\x80".isascii())
print(b"key=value=x".partition(b"="), b"key=value=x".rpartition(b"="), b"novalue".partition(b"="), b"novalue".rpartition(b"="))
print(b"\xde\xad\xbe\xef".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), b"abcde".hex(" ", 2), b"".hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex(" 01 02  0a "), bytes.fromhex(""), bytearray.fromhex("ff00"))
try:
    bytes.fromhex("0g")
except ValueError as e:
    print("ValueError", e)
try:
    bytes.fromhex("abc")
except ValueError as e:
    print("ValueError", e)

# printf-style formatting of bytes (PEP 461).
print(b"%d items" % 3, b"%s and %s" % (b"a", bytearray(b"b")), b"%5d|%-5d|%05d" % (1, 2, 3))
print(b"%x %X %o %e %.2f %g" % (255, 255, 8, 1234.5, 2.345, 0.0001), b"100%%" % (), b"%c%c" % (65, b"B"))
print(b"%r %a" % (b"x", "é"), b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30}, b"%-6s|" % b"ab", b"%.2s" % b"abcdef")
for bad in (lambda: b"%s" % "str", lambda: b"%d %d" % (1,), lambda: b"%d" % (1, 2), lambda: b"%c" % 256):
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
