# Everyday set methods.
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([4, 5], {6})
print(s)
s.remove(4)
s.discard(100)
s.discard(5)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
t = s.copy()
t.add(7)
print(s, t, s is t)
t.clear()
print(t, bool(t), bool(s))
print(3 in s, 4 in s, 4 not in s)
words = {"pear", "fig", "apple"}
print(sorted(words), "fig" in words, len(words))
words.add("fig")
print(len(words), sorted(w.upper() for w in words))
u = {1, 2, 3}
popped = u.pop()
print(popped in {1, 2, 3}, len(u))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
