# Classes: __init__, methods, instance and class attributes.
class Counter:
    created = 0

    def __init__(self, start=0):
        self.value = start
        Counter.created += 1

    def increment(self, by=1):
        self.value += by
        return self

    def get(self):
        return self.value


c = Counter()
c.increment().increment(5)
print(c.get(), c.value)
d = Counter(10)
print(d.get(), Counter.created, c.created, d.created)
print(type(c).__name__, isinstance(c, Counter))
print(Counter.get(d), Counter.increment(d, 2).value)
m = c.increment
m()
m(10)
print(c.value)


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [e.x]
print(e.x, e.y)
try:
    Counter(1, 2)
except TypeError as err:
    print(type(err).__name__, err)
try:
    c.missing
except AttributeError as err:
    print(type(err).__name__, err)
