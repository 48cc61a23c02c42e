# dataclass over classes whose __annotations__ are written out by hand (the form this
# interpreter supports until class-body annotations are recorded).
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, is_dataclass
@dataclass
class P:
    __annotations__ = {'x': int, 'y': int, 'tags': list}
    y = 0
    tags = field(default_factory=list)
p = P(1); q = P(1, 2, ['a'])
print(p, q, p == P(1), p == q, asdict(q), astuple(q), replace(q, x=9), [f.name for f in fields(P)], is_dataclass(p))
try: P()
except TypeError as e: print(e)
try: P(1, 2, 3, 4)
except TypeError as e: print(e)
try: P(1, z=2)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class V:
    __annotations__ = {'a': int, 'b': str}
    b = 'z'
print(V(1) < V(2), sorted([V(3), V(1, 'a'), V(1)]), hash(V(1)) == hash(V(1)))
v = V(1)
try: v.a = 5
except FrozenInstanceError as e: print(type(e).__name__, e)
@dataclass
class W:
    __annotations__ = {'n': int}
    def __post_init__(self): self.double = self.n * 2
print(W(4).double, W(4))
try:
    @dataclass
    class Bad:
        __annotations__ = {'items': list}
        items = []
except ValueError as e: print(e)
