# Cooperative multiple inheritance: C3 order, super() following the MRO.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]

    def who(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__")
        super().__init__()
        self.trail.append("Bottom")

    def who(self):
        return "Bottom>" + super().who()


b = Bottom()
print(b.trail)
print(b.who())
print([c.__name__ for c in Bottom.__mro__])
print([c.__name__ for c in Bottom.mro()])
print(Bottom.__bases__ == (Left, Right), Bottom.__base__ is Left)
print(isinstance(b, Right), issubclass(Bottom, Right), issubclass(Right, Left))
print(super(Left, b).who())
print(super(Right, b).who())
print(type(Bottom.mro()).__name__, len(Bottom.__mro__))
