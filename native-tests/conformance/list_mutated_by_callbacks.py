# Python code called back while a list is walked changes the list: repr, sort, == and
# index must see the list as it is now, and sort reports the change.
class Clears:
    def __repr__(self):
        items.clear()
        items.append(1)
        return "Clears"

items = [Clears() for i in range(30)]
print(items)
print(len(items))


class Key:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        victims.clear()
        return self.v < other.v
    def __repr__(self):
        return "Key(%d)" % self.v

victims = [Key(i) for i in (3, 1, 2)]
victims.sort()  # the list is empty while it sorts: clear() changes nothing
print(victims)

def grows(k):
    victims.append(k)
    return -k.v
try:
    victims.sort(key=grows)
except ValueError as e:
    print("ValueError:", e)
print(victims)


class EqClearsBoth:
    def __eq__(self, other):
        a.clear()
        b.clear()
        return True

a = [EqClearsBoth() for i in range(30)]
b = [EqClearsBoth() for i in range(30)]
print(a == b, len(a), len(b))

a = [EqClearsBoth() for i in range(5)]
b = []
print(EqClearsBoth() in a, len(a))
a = [EqClearsBoth() for i in range(5)]
print(a.count(1), len(a))
a = [EqClearsBoth() for i in range(5)]
try:
    a.index(object())
except ValueError as e:
    print("ValueError:", type(e).__name__)
a = [EqClearsBoth() for i in range(5)]
a.remove(2)
print(a)


def shrinking_key(x):
    del data[1:]
    return x
data = [5, 3, 8, 1]
print(max(data, key=shrinking_key), data)
