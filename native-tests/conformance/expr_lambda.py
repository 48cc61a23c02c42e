# lambda expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), add(b=5, a=1))
print((lambda: "no args")())
print(type(square).__name__, square.__name__)
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
make_adder = lambda n: lambda x: x + n
print(make_adder(5)(10))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
print((lambda *args: len(args))(1, 2, 3), (lambda **kw: sorted(kw))(b=1, a=2))
