# An uncaught exception group: the box-drawing tree ends stderr.
def check(values):
    problems = []
    for v in values:
        try:
            if v < 0:
                raise ValueError(f"negative: {v}")
            if v > 100:
                raise OverflowError(f"too big: {v}")
        except Exception as e:
            problems.append(e)
    if problems:
        raise ExceptionGroup("invalid values", problems)

check([1, 2])
print("first batch ok")
check([-1, 500, 3])
