import random
from collections import deque

random.seed(12345)
SERVERS, CUSTOMERS = 2, 12
queue = deque()
busy = [0] * SERVERS
waits = []
clock = 0
served = 0

while served < CUSTOMERS:
    clock += 1
    if random.random() < 0.7 and len(queue) + served < CUSTOMERS:
        queue.append(clock)
    for s in range(SERVERS):
        if busy[s] > 0:
            busy[s] -= 1
            continue
        if not queue:
            break
        arrived = queue.popleft()
        waits.append(clock - arrived)
        busy[s] = random.randint(1, 3)
        served += 1
    else:
        continue
    if clock > 1000:
        break

print(f"served {served} in {clock} ticks; mean wait {sum(waits) / len(waits):.2f}")
print("max wait", max(waits), "histogram", {w: waits.count(w) for w in sorted(set(waits))})
lo, hi = min(waits, default=0), max(waits, default=0)
bar = lambda n: "#" * n or "."
for w in range(lo, hi + 1):
    print(f"{w:2d} {bar(waits.count(w))}")
