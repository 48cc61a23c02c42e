# A key's __eq__ or __hash__ that changes the dict being looked up, and reprs and
# iteration that change the dict they walk.
class Key:
    def __init__(self, v, action=None):
        self.v = v
        self.action = action
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        if self.action:
            action, self.action = self.action, None
            action()
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return "Key(%d)" % self.v

def keys_with(action_at, action):
    return {Key(i, action if i == action_at else None): i for i in range(8)}

# The stored key's __eq__ runs during the probe; the lookup starts again on the changed table.
d = keys_with(3, lambda: d.clear())
print(d.get(Key(3)), len(d))

def grow():
    for i in range(100, 120):
        d[Key(i)] = i
d = keys_with(5, grow)
print(d[Key(5)], len(d))

d = keys_with(2, lambda: d.clear())
d[Key(2)] = "new"
print(d)

d = keys_with(6, lambda: d.pop(6.5, None) or d.pop(Key(1)))
print(Key(6) in d, len(d))

d = keys_with(4, lambda: d.clear())
try:
    del d[Key(4)]
except KeyError as e:
    print("KeyError:", e)
print(d)


class Value:
    def __repr__(self):
        table.clear()
        return "Value"

table = {i: Value() for i in range(5)}
print(table)
print(table)

table = {i: i for i in range(5)}
try:
    for k in table:
        table[k + 10] = k
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(table))

a = {i: Key(i, lambda: b.clear()) for i in range(4)}
b = {i: Key(i) for i in range(4)}
print(a == b, len(b))
