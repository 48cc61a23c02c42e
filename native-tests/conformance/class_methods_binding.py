# Methods are functions looked up through the class and bound to the instance.
class Greeter:
    greeting = "hello"

    def __init__(self, name):
        self.name = name

    def greet(self, punct="!"):
        return self.greeting + " " + self.name + punct


g = Greeter("ann")
h = Greeter("bob")
bound = g.greet
print(bound(), bound("?"))
print(Greeter.greet(h), Greeter.greet(h, "."))
print(type(bound).__name__, type(Greeter.greet).__name__)
print(bound.__self__ is g, bound == g.greet, bound is g.greet)
callbacks = [g.greet, h.greet]
print([cb() for cb in callbacks])


def shout(self):
    return self.name.upper()


Greeter.shout = shout
print(g.shout(), h.shout())
g.greet = lambda: "instance attribute wins"
print(g.greet(), h.greet())
try:
    Greeter.greet()
except TypeError as e:
    print(type(e).__name__, e)
