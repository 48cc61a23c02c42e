# method_calls: a method-call loop in the spirit of pyperformance bm_call_method (bound-method calls on one instance, nested one level); written for UnmanagedHeap


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, x):
        self.total += x
        return self

    def twice(self, x):
        self.add(x)
        self.add(x)
        return self.total

    def value(self):
        return self.total


c = Counter()
N = 3000000
for i in range(N):
    c.twice(i)
    c.add(1)
print("method_calls:", N, "iterations, total", c.value())
