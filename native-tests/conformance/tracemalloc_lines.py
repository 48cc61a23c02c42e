# Where tracemalloc says memory was allocated: the top lines of a snapshot, compare_to's
# signs, filters and object tracebacks. Only line numbers and signs are printed, never bytes.
import tracemalloc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build(n):
    return [Node(i) for i in range(n)]


def chain(depth):
    if depth == 0:
        return [Node(-1)]
    return chain(depth - 1)


tracemalloc.start(5)
mine = tracemalloc.Filter(True, __file__)
before = tracemalloc.take_snapshot()
nodes = build(500)
texts = ["%05d" % i * 200 for i in range(200)]
after = tracemalloc.take_snapshot().filter_traces([mine])

top = after.statistics("lineno")
print("top lines:", [s.traceback[0].lineno for s in top[:3]])
print("counts positive:", all(s.count > 0 and s.size > 0 for s in top))
print("by file:", len(after.statistics("filename")), after.statistics("filename")[0].traceback[0].lineno)

diff = after.compare_to(before.filter_traces([mine]), "lineno")
print("grew:", [(d.traceback[0].lineno, d.size_diff > 0, d.count_diff > 0) for d in diff[:3]])

tb = tracemalloc.get_object_traceback(nodes[0])
print("node made at:", tb[-1].lineno, [f.lineno for f in tb], tb.total_nframe)
deep = chain(3)
tb = tracemalloc.get_object_traceback(deep[0])
print("deep:", len(tb), tb[-1].lineno, tb[0].lineno, tb.total_nframe)

del nodes
freed = tracemalloc.take_snapshot().filter_traces([mine]).compare_to(after, "lineno")
print("shrank:", [(d.traceback[0].lineno, d.size_diff < 0) for d in freed if d.size_diff < 0][:2])

only26 = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__, 26)])
print("only line 26:", sorted({s.traceback[0].lineno for s in only26.statistics("lineno")}))
not26 = tracemalloc.take_snapshot().filter_traces([mine, tracemalloc.Filter(False, __file__, 26)])
print("line 26 excluded:", 26 not in {s.traceback[0].lineno for s in not26.statistics("lineno")})
via25 = after.filter_traces([tracemalloc.Filter(True, __file__, 25, all_frames=True)])
print("made under line 25:", sorted({s.traceback[0].lineno for s in via25.statistics("lineno") if s.count >= 100}))
print("domain 1:", len(after.filter_traces([tracemalloc.DomainFilter(True, 1)]).traces))
print("cumulative sees callers:", 25 in {s.traceback[0].lineno for s in after.statistics("lineno", cumulative=True)})
try:
    after.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    after.statistics("function")
except ValueError as e:
    print("ValueError:", e)

current, peak = tracemalloc.get_traced_memory()
print("peak >= current:", peak >= current > 0)
big = [0] * 100000
del big
current2, peak2 = tracemalloc.get_traced_memory()
print("peak grew past current:", peak2 > current2, peak2 - current2 >= 800000)
tracemalloc.reset_peak()
current3, peak3 = tracemalloc.get_traced_memory()
print("reset:", peak3 < peak2, peak3 >= current3)
tracemalloc.clear_traces()
print("cleared:", tracemalloc.get_object_traceback(texts[0]) is None, tracemalloc.is_tracing())
tracemalloc.stop()
print("stopped:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
