# A weakref.finalize whose object is still alive at exit runs at exit
# (atexit is True by default); one with atexit = False does not.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def bye(name):
    print("finalize", name)


keep = Node(1)
quiet = Node(2)
f1 = weakref.finalize(keep, bye, "keep")
f2 = weakref.finalize(quiet, bye, "quiet")
f2.atexit = False
print("atexit flags:", f1.atexit, f2.atexit)
print("last line of the program")
