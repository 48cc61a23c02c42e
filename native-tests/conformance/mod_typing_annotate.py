from typing import Any, List, Dict, Optional, Union, Callable, TypeVar, Generic, Tuple, Set, Iterable, Iterator, Sequence, Type, Literal, ClassVar, Final, cast, NewType, NamedTuple, Protocol
T = TypeVar('T')
K = TypeVar('K', bound=int)
print(Any, List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None])
print(Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], T, K, Set[T], Iterable[str], Type[int], Literal[1, 'a'], ClassVar[int], Sequence, Final[int])
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack()
s.push(1); s.push(2)
print(s.pop(), s.items)
def total(xs: Iterable[int], scale: Optional[float] = None) -> float:
    t = sum(xs)
    return t * scale if scale is not None else t
print(total([1, 2, 3]), total([1, 2], 0.5))
def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)
print(apply(lambda v: v * 10, 4), cast(int, '5'))
UserId = NewType('UserId', int)
print(UserId(7), UserId)
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point(3, 4).y)
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self) -> str: return 'hello'
def run(g: Greeter) -> str: return g.greet()
print(run(En()))
def first(xs: Sequence[T]) -> T: return xs[0]
print(first('abc'), first([9, 8]))
