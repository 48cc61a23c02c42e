# Classes derived from dict and set: inherited behaviour, __missing__, overrides.
import sys


class Counts(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counts()
for w in "the cat and the hat and the bat".split():
    c.add(w)
print(sorted(c.items()), c["dog"], "dog" in c, len(c))
print(isinstance(c, dict), type(c).__name__, c == {"the": 3, "cat": 1, "and": 2, "hat": 1, "bat": 1})
print(Counts(a=1, b=2), Counts([("x", 1)]), dict(Counts(z=26)))
print(sys.getsizeof(Counts()) - sys.getsizeof({}))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


d = AttrDict(x=1)
d.y = 2
print(d.x, d.y, d, d.get("y"), sorted(d.keys()))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)


class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.upper())

    def __len__(self):
        return 42


u = Upper()
u["a"] = 1
print(u["A"], u["a"], len(u), dict.__len__(u), u)


class Tags(set):
    def __repr__(self):
        return "Tags(" + ", ".join(sorted(self)) + ")"


t = Tags(["b", "a"])
t.add("c")
print(t, len(t), "a" in t, isinstance(t, set), sorted(t | {"z"}))


class Plain(set):
    pass


p = Plain([3, 1, 2])
print(p, Plain(), p == {1, 2, 3}, sys.getsizeof(Plain()) - sys.getsizeof(set()))
p.discard(1)
print(p, sorted(p))
