# gc_collect: the shape of pyperformance's bm_gc_collect — build many reference cycles (rings of linked nodes), drop them, and let gc.collect() reclaim them; written for UnmanagedHeap
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.extra = []


def ring(size):
    head = Node(0)
    node = head
    for i in range(1, size):
        nxt = Node(i)
        node.next = nxt
        nxt.extra.append(node)
        node = nxt
    node.next = head
    head.extra.append(node)
    return head


ROUNDS = 50
RINGS = 100
RING_SIZE = 200
gc.disable()
gc.collect()
total = 0
for _ in range(ROUNDS):
    rings = [ring(RING_SIZE) for _ in range(RINGS)]
    del rings
    total += gc.collect()
gc.enable()
print("gc_collect:", ROUNDS, "rounds of", RINGS, "rings of", RING_SIZE, "nodes; collected", total)
