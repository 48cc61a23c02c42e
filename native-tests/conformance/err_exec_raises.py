# An exception from exec'd code: its traceback passes through <string>.
print("before")
exec("def f():\n    return 1 / 0\nf()")
