# Deep-chain free: build a singly linked chain of 1,000,000 Links (each holds the
# previous one), then drop its head. Freeing the head frees the whole chain,
# one Link inside the next: CPython's trashcan keeps that from overflowing the C
# stack, and the simulator must manage the same without recursion limits.
class Link:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


N = 1000000
ROUNDS = 3
length = 0
for _ in range(ROUNDS):
    head = None
    for i in range(N):
        head = Link(i, head)
    length += N
    del head
print("deep_chain_free:", ROUNDS, "chains of", N, "links built and freed,", length, "links in all")
