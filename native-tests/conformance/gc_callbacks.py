# gc.callbacks: called with phase "start" and "stop" and an info dict.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


log = []


def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))


def keys(phase, info):
    if phase == "start":
        print("info keys:", list(info))


gc.disable()
gc.collect()
gc.callbacks.append(cb)
gc.callbacks.append(keys)
a = Node(1)
a.edges.append(a)
del a
print("returned:", gc.collect())
print("returned:", gc.collect(0))
print("returned:", gc.collect(1))
gc.callbacks.remove(keys)
gc.callbacks.remove(cb)
print("callbacks left:", len(gc.callbacks))
for entry in log:
    print(entry)
gc.collect()
print("no more calls:", len(log))
gc.enable()
