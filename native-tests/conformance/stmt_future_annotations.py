from __future__ import annotations
# With the future import, every annotation is kept as a string and never evaluated.
import __future__

def f(a: int, b: list[dict[str,int]], *args: Undefined, c: A | B | None = None) -> tuple[int, ...]:
    pass
print(f.__annotations__)

x: Undefined.Thing = 1
y: Callable[[int, str], bool]
print(__annotations__)

class Node:
    next: Node | None = None
    value: "quoted"
    def link(self, other: Node) -> Node:
        return other
print(Node.__annotations__)
print(Node.link.__annotations__)
print(__future__.annotations)
print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
print(__future__.division.getMandatoryRelease())
print(annotations)
print(len(__future__.all_feature_names))
