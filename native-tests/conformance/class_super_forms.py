# super() in its forms: two-argument, in classmethods, with properties and class attributes.
class Animal:
    sound = "..."
    count = 0

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    @classmethod
    def make(cls, name):
        Animal.count += 1
        return cls(name)

    @staticmethod
    def kind():
        return "animal"

    @property
    def label(self):
        return "animal:" + self.name


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)

    def speak(self):
        return super().speak() + "!"

    @classmethod
    def make(cls, name):
        d = super().make(name)
        d.tricks.append("sit")
        return d

    @staticmethod
    def kind():
        return "dog, " + super(Dog, Dog).kind()

    @property
    def label(self):
        return "dog/" + super().label


class Puppy(Dog):
    def speak(self):
        return "small " + super(Dog, self).speak()


d = Dog.make("rex")
print(d.speak(), d.tricks, Dog.count)
print(Dog.kind(), d.label)
p = Puppy("bit")
print(p.speak())
print(super(Puppy, p).speak())
print(super(Dog, Puppy).sound, super(Puppy, Puppy).sound)
f = super(Dog, Dog).speak
print(f(d))
try:
    super(Dog, 5)
except TypeError as e:
    print("TypeError:", e)
