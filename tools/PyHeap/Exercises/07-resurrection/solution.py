# Exercise 7, a solution: the finalizer resurrected it once, and runs only once.
graveyard = []
calls = 0


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        global calls
        calls += 1
        graveyard.append(self)  # a new reference: the object is alive again


p = Phoenix("fawkes")
del p
survived = len(graveyard) == 1
graveyard.clear()
print("after del p, in the graveyard:", survived)

ALIVE_AFTER_DEL = True  # __del__ stored self in the graveyard
DEL_CALLS = 1           # PEP 442: a finalizer runs at most once per object
