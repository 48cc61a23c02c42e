from collections import deque
import copy
class Evil:
    def __init__(self, d): self.d = d
    def __eq__(self, o):
        self.d.clear()
        return False
d = deque()
d.append(Evil(d)); d.append(2)
try: print(2 in d)
except RuntimeError as ex: print(ex)
d.append(Evil(d)); d.append(2)
try: print(d.count(2))
except RuntimeError as ex: print(ex)
d.append(Evil(d)); d.append(2)
try: print(d.index(2))
except RuntimeError as ex: print(ex)
d = deque([1, 2, 3]); e = Evil(d)
try: d.remove(e)
except (ValueError, IndexError) as ex: print(type(ex).__name__, ex)
print(d)
class Del:
    def __init__(self, d): self.d = d
    def __del__(self): self.d.append('from del')
d = deque(maxlen=2)
d.append(Del(d)); d.append(1); d.append(2)
print(d)
d = deque(range(3)); d.extend(d); print(d)
x = deque([[1], [2]]); y = copy.deepcopy(x); x[0].append(9); print(x, y, copy.copy(x) == x)
d = deque(); 
for i in range(100): d.appendleft(i)
for i in range(50): d.pop()
print(d[0], d[-1], len(d), list(d)[:3])
d.rotate(3); print(list(d)[:4]); d.rotate(-5); print(list(d)[:4])
d2 = deque('abc', 2); print(d2, d2.maxlen); d2.extendleft('xyz'); print(d2)
import gc; print(gc.collect() >= 0)
