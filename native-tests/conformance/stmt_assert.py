# assert: passes silently, raises AssertionError with or without a message.
assert True
assert 1 + 1 == 2, "math works"
x = [1, 2]
assert x
try:
    assert len(x) == 3
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert len(x) == 3, "expected three items, got " + str(len(x))
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert None, 42
except AssertionError as e:
    print(e.args)


def check(n):
    assert n >= 0, f"negative: {n}"
    return n * 2


print(check(4))
try:
    check(-1)
except AssertionError as e:
    print("caught:", e)
