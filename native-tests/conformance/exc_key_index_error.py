# KeyError and IndexError: messages and str() of the exception.
d = {"a": 1}
for key in ("b", 2, (1, 2), None, ""):
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
for seq in ([], (), "", [1, 2]):
    try:
        seq[5]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    raise KeyError("custom", "two")
except KeyError as e:
    print(e)
print(isinstance(KeyError(), LookupError), isinstance(IndexError(), LookupError))
try:
    {}["x"]
except LookupError as e:
    print("caught as LookupError:", type(e).__name__)
