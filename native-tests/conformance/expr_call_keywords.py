# Calls with positional and keyword arguments.
def describe(name, age=0, city="nowhere"):
    return name + " " + str(age) + " " + city


print(describe("Ann"))
print(describe("Bob", 30))
print(describe("Cy", city="Oslo"))
print(describe(age=5, name="Di"))
print(describe("Ed", 7, "Rome"))
print(describe(city="Lima", name="Flo", age=1))
print(sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len))
print("x", "y", sep="-", end="!\n")
print(dict(a=1, b=2))
print(int("ff", base=16), int("11", 2))
print(max([1, 5, 3], key=lambda v: -v), min("b", "a", "c"))
try:
    describe("G", nope=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    describe("H", name="I")
except TypeError as e:
    print(type(e).__name__, e)
