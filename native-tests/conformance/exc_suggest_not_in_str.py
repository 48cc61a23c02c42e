# The suggestion belongs to the printed traceback only: str(e) never has it.
import math
value = 1
try:
    valeu
except NameError as e:
    print(e, "|", e.name)

class C:
    def __init__(self):
        self.color = "red"
try:
    C().colour
except AttributeError as e:
    print(e, "|", e.name, type(e.obj).__name__)
try:
    math.tau2
except AttributeError as e:
    print(e, "|", e.name, e.obj is math)
try:
    sys
except NameError as e:
    print(e)
