# split, rsplit, splitlines, partition, rpartition, join.
print("a b  c".split(), "a b  c".split(" "), "a,b,,c".split(","))
print("  lead and trail  ".split(), "".split(), "".split(","))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "a-b-c".rsplit("-"))
print("line1\nline2\r\nline3".splitlines(), "x\n\ny\n".splitlines(), "x\ny".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "none".partition("="))
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "+".join([]))
print(" ".join(str(n) for n in range(5)))
try:
    ", ".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
