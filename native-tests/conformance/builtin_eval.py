# eval of strings: caller's namespaces, given globals and locals, expressions only.
x = 10
print(eval("x + 1"))
print(eval("  x * 2"))
print(eval("[i * i for i in range(4)]"))
g = {"a": 3}
print(eval("a * a", g))
print(eval("a + b", g, {"b": 4}))
print(eval("x", {"x": "shadowed"}))
print(sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)

def f(y):
    z = y + 1
    return eval("y * z")
print(f(3))
print(eval("lambda q: q + x")(5))
print(eval("len('abc')", {}))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError for a statement")
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("nope + 1", {})
except NameError as e:
    print(e)
try:
    eval(42)
except TypeError as e:
    print(e)
