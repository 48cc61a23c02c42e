# Exercise 7: watch a finalizer resurrect an object. Run it, then fill in the answers.
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

ALIVE_AFTER_DEL = None  # True or False: was the Phoenix alive after `del p`?
DEL_CALLS = None        # how many times did __del__ run by the end of the program?
