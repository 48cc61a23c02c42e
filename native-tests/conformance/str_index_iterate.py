# Strings are immutable sequences of characters.
s = "Python"
print(s[0], s[5], s[-1], s[-6], s[1:4], s[::-1], s[::2])
print(len(s), list(s), tuple(s[:2]))
for i, ch in enumerate(s):
    print(i, ch, end="; ")
print()
print("".join([c for c in s if c not in "aeiou"]))
print(s * 0 == "", (s + "!") * 2)
chars = []
for ch in "héllo wörld":
    if ch.isalpha():
        chars.append(ch.upper())
print("".join(chars))
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
print(s.upper() is not s, s.lower())
print(min(s), max(s), sorted(s))
print(str(s) is s, s[:] is s)
