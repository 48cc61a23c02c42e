# __del__ runs when the last reference goes away.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


a = Res("a")
del a
print("after del a")
b = Res("b")
b = Res("b2")
print("after rebinding b")
c = Res("c")
alias = c
del c
print("alias keeps c alive")
alias = None
print("after alias = None")


def scope():
    r = Res("local")
    print("leaving scope")


scope()
print("after scope")
lst = [Res("in list")]
lst.pop()
print("after pop")
d = {"k": Res("in dict")}
d["k"] = 0
print("after overwrite")
b = None
print("end")
