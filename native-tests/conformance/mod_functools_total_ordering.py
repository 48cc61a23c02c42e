from functools import total_ordering
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(1) >= V(2), sorted([V(3), V(1)])[0].v)
try:
    @total_ordering
    class W: pass
except ValueError as e: print(e)
