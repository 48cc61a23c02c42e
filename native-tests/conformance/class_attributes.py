# Class attributes versus instance attributes; the shared-mutable trap.
class Team:
    members = []
    size = 0

    def __init__(self, name):
        self.name = name

    def join(self, who):
        self.members.append(who)
        self.size += 1


a = Team("a")
b = Team("b")
a.join("ann")
b.join("bob")
print(a.members, b.members, a.members is Team.members)
print(a.size, b.size, Team.size)


class Better:
    default_tags = ("x",)

    def __init__(self):
        self.members = []


x = Better()
y = Better()
x.members.append(1)
print(x.members, y.members, x.default_tags is y.default_tags)
Better.default_tags = ("y",)
print(x.default_tags)
x.default_tags = ("own",)
print(x.default_tags, y.default_tags, Better.default_tags)
del x.default_tags
print(x.default_tags)
