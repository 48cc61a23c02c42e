# Notes are printed after the exception's line; the last note ends stderr.
def check(x):
    if x < 0:
        e = ValueError(f"negative: {x}")
        e.add_note("values must be >= 0")
        e.add_note("see the manual")
        raise e
    return x

print(check(3))
check(-1)
