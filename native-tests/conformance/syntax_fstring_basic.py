# f-strings: expressions, !r / !s conversions, nesting, braces.
name = "Ada"
n = 42
items = [1, 2, 3]
print(f"hello {name}")
print(f"{name!r} {name!s} {n!r}")
print(f"{n + 1} {n * 2} {n // 5} {len(items)}")
print(f"{items} {items[0]} {items[-1]}")
print(f"{'quoted'} {'x' if n > 50 else 'y'}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{{literal braces}} {n}")
print(f"{None} {True} {1.5}")
print(f"{n > 40 and 'big' or 'small'}")
print(f"{'nested ' + f'{n}'}")
print(f"{3.0!r} {'a b'!r} {[name]!r}")
print(f"{n}" "plain" f"{n}")
