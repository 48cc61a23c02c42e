# AssertionError from assert statements, printed the usual way.
def check_positive(n):
    assert n > 0, "n must be positive"
    return n


for v in (1, 0, -3):
    try:
        print(check_positive(v))
    except AssertionError as e:
        print(type(e).__name__, e)
try:
    assert [] , [1, 2]
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), len(e.args))
try:
    raise AssertionError("raised directly")
except AssertionError as e:
    print(type(e).__name__, e)
