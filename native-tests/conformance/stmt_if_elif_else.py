# if / elif / else and truthiness of values.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"


for s in (95, 85, 75, 10, 90, 80):
    print(s, grade(s))
for v in (0, 1, -1, 0.0, "", "x", [], [0], {}, {"a": 1}, None, (), (None,), set()):
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")
x = 5
if x > 3:
    pass
else:
    print("never")
if not x:
    print("never")
elif x == 5:
    print("x is five")
