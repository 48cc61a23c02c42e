# Order of execution through nested try / except / else / finally.
log = []


def step(name):
    log.append(name)


def run(fail_inner, fail_handler):
    log.clear()
    try:
        step("outer try")
        try:
            step("inner try")
            if fail_inner:
                raise ValueError("inner")
            step("inner try end")
        except ValueError:
            step("inner except")
            if fail_handler:
                raise KeyError("from handler")
        else:
            step("inner else")
        finally:
            step("inner finally")
        step("after inner")
    except KeyError:
        step("outer except")
    finally:
        step("outer finally")
    return log


print(run(False, False))
print(run(True, False))
print(run(True, True))


def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out


print(loop_with_finally())
