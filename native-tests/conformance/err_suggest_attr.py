# AttributeError suggests the closest attribute of the object.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.value = y

p = Point(1, 2)
print(p.x, p.value)
print(p.valeu)
