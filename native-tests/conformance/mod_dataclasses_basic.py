from dataclasses import dataclass, field, asdict, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True)
class Card:
    rank: int
    suit: str = field(compare=False, default='S')
@dataclass
class Team:
    name: str
    members: list = field(default_factory=list)
    def add(self, who):
        self.members.append(who)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), asdict(p), replace(p, y=5), [f.name for f in fields(Point)])
print(sorted([Card(10, 'H'), Card(2), Card(7, 'D')]), Card(3, 'H') == Card(3, 'C'))
t = Team('blue'); t.add('ann'); t.add('bob')
print(t, Team('red'))
try: Point()
except TypeError as e: print(e)
