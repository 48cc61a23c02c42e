# Storing a bound method on its own instance makes a two-object cycle.
import gc
import weakref


class Button:
    def __init__(self, label):
        self.label = label
        self.on_click = self.clicked

    def clicked(self):
        return "clicked " + self.label


gc.disable()
gc.collect()
b = Button("ok")
print(b.on_click())
print(b.on_click.__self__ is b)
print(b.on_click == b.clicked, b.on_click is b.clicked)
w = weakref.ref(b)
del b
print("alive after del:", w() is not None)
print("collected:", gc.collect())
print("alive after collect:", w() is not None)
c = Button("x")
c.handlers = [c.clicked, c.clicked]
del c
print("instance + bound methods + list:", gc.collect())
gc.enable()
