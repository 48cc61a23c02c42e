# An uncaught exception raised while handling another: both are printed, context first.
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError:
        raise RuntimeError(f"no entry {key}")

print(load("a"))
load("b")
