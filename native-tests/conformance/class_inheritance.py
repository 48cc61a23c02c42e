# Single inheritance: overriding, calling the base explicitly, attribute lookup.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return self.name + " is a " + self.kind + ": " + self.speak()


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        Animal.__init__(self, name)
        self.breed = breed

    def speak(self):
        return self.name + " barks"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " softly"


a = Animal("generic")
d = Dog("rex", "lab")
p = Puppy("bit", "pug")
for x in (a, d, p):
    print(x.describe())
print(p.breed, p.kind, Puppy.kind, Animal.kind)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(type(p).__name__, type(p) is Dog)
Animal.kind = "creature"
print(a.kind, d.kind, p.kind)
