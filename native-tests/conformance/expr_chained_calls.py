# Calls on call results, subscripts of calls, methods on literals.
def make_list():
    return [3, 1, 2]


def make_fn(k):
    def f(x):
        return x * k
    return f


print(make_list()[0], make_list()[-1], len(make_list()))
print(make_fn(3)(4), make_fn(2)(make_fn(5)(1)))
print(sorted(make_list())[1:], " x ".join(["a", "b"]).upper())
print("a,b,,c".split(",")[2] == "", [1, 2, 3].index(2), (4, 5).count(5))
print({"k": [10, 20]}["k"][1], {"a": 1}.get("b", "default"))
table = {"double": make_fn(2), "triple": make_fn(3)}
print(table["double"](21), table["triple"](table["double"](1)))
fns = [make_fn(i) for i in range(4)]
print([f(10) for f in fns])
print("{}-{}".format("a", "b").split("-"))
