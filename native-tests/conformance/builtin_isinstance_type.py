# isinstance, type and type(x).__name__.
class Animal:
    pass


class Dog(Animal):
    pass


d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object))
print(isinstance(Animal(), Dog), isinstance(5, Animal))
print(isinstance(5, int), isinstance(True, int), isinstance(5, float), isinstance(5.0, float))
print(isinstance("s", str), isinstance([], list), isinstance({}, dict), isinstance((), tuple))
print(isinstance(5, (str, int)), isinstance("s", (int, float)))
print(isinstance(None, object), isinstance(Dog, type))
for v in (1, 1.0, "s", True, None, [], (), {}, set(), d, Dog, len):
    print(type(v).__name__, end=" ")
print()
print(type(d) is Dog, type(d) is Animal, type(d) == Dog)
print(type(5) is int, type(True) is bool, type(True) is int)
print(type(type(5)).__name__, type(Dog).__name__)
print(type(5), type("s"), type(d).__name__)
print(Dog.__name__, int.__name__, type(None).__name__)
