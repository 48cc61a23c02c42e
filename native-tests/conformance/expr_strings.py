# String expressions: concatenation, repetition, comparison, indexing, len.
a = "hello"
b = "world"
print(a + " " + b, a * 2, 3 * "ab", "" * 5 == "")
print(len(a), len(""), len("日本"), a[1], a[-1])
print(a < b, a == "hello", a != b, "B" < "a", "apple" < "apples")
print(a.upper(), b.capitalize(), (a + b).count("o"))
s = "x=" + str(1) + ", y=" + str(2.5) + ", z=" + str(None)
print(s)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t"), repr("nl\n"))
print(str(123) + str(True) + repr("q"))
try:
    print("a" + 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a" * "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[0] = "j"
except TypeError as e:
    print(type(e).__name__, e)
