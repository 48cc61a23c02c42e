# str.format and str methods used for formatting.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {:x} {:08.2f}".format(3.14159, 1234567, 255, -2.5))
print("{!r} {!s}".format("s", "s"))
print("{{}} {}".format("braces"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
row = "{:<8}{:>6}"
for name, qty in (("apples", 3), ("kiwis", 12)):
    print(row.format(name, qty))
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
