# Conditional expressions.
for n in (-2, 0, 3):
    print(n, "positive" if n > 0 else "zero" if n == 0 else "negative")
x = 10
y = x if x > 5 else 0
print(y)
print([i if i % 2 else -i for i in range(6)])


def pick(flag):
    return "yes" if flag else "no"


print(pick(1), pick([]), pick("s"))


def loud(v):
    print("evaluated", v)
    return v


print(loud("a") if True else loud("b"))
print(loud("a") if False else loud("b"))
print((1 if x else 2) + 10, 1 if x else 2 + 10)
