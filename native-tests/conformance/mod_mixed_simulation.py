# A small discrete-event simulation: seeded random arrivals, a heap of events, a queue.
import heapq
import random
from collections import deque, Counter

random.seed(2024)
events = []
for cid in range(12):
    heapq.heappush(events, (round(random.uniform(0, 20), 3), 'arrive', cid))
queue = deque()
busy_until = 0.0
served = []
log = Counter()
clock = 0.0
while events:
    clock, kind, cid = heapq.heappop(events)
    log[kind] += 1
    if kind == 'arrive':
        queue.append((cid, clock))
    if queue and clock >= busy_until:
        nxt, arrived = queue.popleft()
        service = round(random.expovariate(0.5), 3)
        busy_until = round(clock + service, 3)
        served.append((nxt, round(clock - arrived, 3)))
        heapq.heappush(events, (busy_until, 'done', nxt))
print(served)
print(log, len(queue), busy_until)
waits = sorted(w for _, w in served)
print(waits[:3], waits[-1], sum(waits) / len(waits))
window = deque(maxlen=4)
for cid, w in served:
    window.append(w)
print(list(window), max(window))
