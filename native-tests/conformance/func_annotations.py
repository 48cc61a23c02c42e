# Annotations are evaluated when the def runs, in CPython's order, into __annotations__.
order = []
def note(x):
    order.append(x)
    return x

def f(a: note("a"), b: note("b") = note("default b"), *args: note("args"), c: note("c"), **kw: note("kw")) -> note("ret"):
    pass

print(order)
print(f.__annotations__)

def g(x: int, /, y: str, *, z: float = 1.0) -> list:
    return [x]
print(g.__annotations__)

def plain(x, y=2):
    pass
print(plain.__annotations__)
print(plain.__annotations__ is plain.__annotations__)

class C:
    def method(self, other: "C") -> bool:
        return True
print(C.method.__annotations__)
print((lambda x: x).__annotations__)

def local_annotations():
    # annotations of locals are never evaluated
    x: undefined_name = 5
    y: also_undefined
    return x
print(local_annotations())

try:
    def broken(x: undefined_name):
        pass
except NameError as e:
    print("NameError", e)
try:
    broken
except NameError:
    print("broken was never bound")
