# AttributeError messages for instances, classes, builtins and modules.
import gc


class Thing:
    def __init__(self):
        self.present = 1


class Other:
    pass


cases = [
    lambda: Thing().absent,
    lambda: Thing.absent,
    lambda: (5).absent,
    lambda: "s".absent,
    lambda: [].absent,
    lambda: None.absent,
    lambda: gc.absent,
    lambda: Other().x,
]
for case in cases:
    try:
        case()
    except AttributeError as e:
        print(type(e).__name__, e)
t = Thing()
del t.present
try:
    t.present
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [].append = None
except AttributeError as e:
    print(type(e).__name__, e)
