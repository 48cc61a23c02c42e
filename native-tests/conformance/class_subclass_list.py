# A class derived from list: list behaviour inherited, methods overridden, super() to list.
import sys


class Stack(list):
    """A list with push/peek, as the benchmark programs write it."""

    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack()
for i in range(5):
    s.push(i * i)
print(s, len(s), s.peek(), s.pop(), s)
print(type(s).__name__, isinstance(s, list), issubclass(Stack, list), Stack.__mro__ == (Stack, list, object))
print(s[1:3], type(s[1:3]).__name__, s + [7], type(s + [7]).__name__, s * 2)
print(3 in s, 2 in s, bool(Stack()), bool(s), sorted(s, reverse=True), list(reversed(s)))
s += [100]
print(s, type(s).__name__)
s.sort(reverse=True)
print(s, s.index(4), s.count(1))
s.label = "squares"
print(s.label, s.__dict__, s == [100, 9, 4, 1, 0], s != [1])
print(sys.getsizeof(Stack()) - sys.getsizeof([]))


class Logged(list):
    def __init__(self, items, name):
        super().__init__(items)
        self.name = name

    def __getitem__(self, i):
        v = super().__getitem__(i)
        return ("got", v)

    def __setitem__(self, i, v):
        super().__setitem__(i, v * 10)

    def append(self, v):
        print("append", v)
        super().append(v)

    def __repr__(self):
        return f"Logged({self.name}: {list.__repr__(self)})"


g = Logged([1, 2, 3], "g")
print(g, g[0], g[-1], len(g))
g[1] = 5
g.append(4)
print(g, list(g), [x for x in g])
print(str(g), repr([g]))
try:
    hash(g)
except TypeError as e:
    print("TypeError:", e)
a, b, *rest = Logged("abcd", "u")
print(a, b, rest)
