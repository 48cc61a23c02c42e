# exec of statements: module namespaces, separate locals, functions and classes defined inside.
ns = {}
exec("a = 1\nb = a + 1", ns)
print(ns["a"], ns["b"], sorted(k for k in ns if not k.startswith("__")))
glob = {"base": 100}
loc = {}
exec("c = base + 1\nd = c * 2", glob, loc)
print(sorted(loc.items()), "c" in glob)
exec("def sq(n):\n    return n * n\nprint(sq(7))")
print(sq(3))
exec("class K:\n    v = 5\n    def get(self):\n        return self.v")
print(K().get())
print(exec("1 + 1"))

def inside():
    w = 5
    exec("w2 = w + 1")
    return locals()["w2"]
print(inside())

program = """
total = 0
for i in range(5):
    if i % 2:
        continue
    total += i
"""
space = {}
exec(program, space)
print(space["total"])
exec("import math\nr = math.sqrt(16)", space)
print(space["r"])
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("caught", e)
try:
    exec("if True\n    pass")
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
print("ns" in globals(), globals()["K"] is K)
