# Searching: find, rfind, index, rindex, count, startswith, endswith, in.
s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.find(""))
print(s.index("sat"), s.rindex("the"), s.count("at"), s.count("the"), s.count(""))
print(s.startswith("the"), s.startswith("cat", 4), s.endswith("mat"), s.endswith(("dog", "mat")))
print(s.startswith(("a", "t")), "at" in s, "dog" in s)
print(s.find("t", 5, 10), s.count("a", 0, 10))
try:
    s.index("dog")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("dog")
except ValueError as e:
    print(type(e).__name__, e)
print("aaaa".count("aa"), "aaaa".replace("aa", "b"))
