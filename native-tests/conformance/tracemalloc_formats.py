# tracemalloc's value classes and their str()/repr() forms, built by hand so no byte
# count of the running interpreter shows.
import tracemalloc

tb = tracemalloc.Traceback((("b.py", 7), ("a.py", 3)), 2)
print(len(tb), tb[0], tb[-1], repr(tb[0]))
print(str(tb), tb.total_nframe)
print([str(f) for f in tb], [f.lineno for f in reversed(tb)])
print(tracemalloc.Frame(("a.py", 3)) in tb, tracemalloc.Frame(("c.py", 1)) in tb)
print(repr(tracemalloc.Traceback((("x.py", 1),))))
print(tb == tracemalloc.Traceback((("b.py", 7), ("a.py", 3))), hash(tb) == hash(tracemalloc.Traceback((("b.py", 7), ("a.py", 3)))))
print(tracemalloc.Frame(("a.py", 3)) < tracemalloc.Frame(("a.py", 4)), tracemalloc.Frame(("b.py", 1)) > tracemalloc.Frame(("a.py", 9)))

one = tracemalloc.Traceback((("prog.py", 12),))
for size, count in [(0, 0), (1, 1), (1280, 10), (12345, 3), (10239, 1), (10240, 1), (99 * 1024, 7),
                    (123456789, 1000), (5 * 1024 ** 4, 2), (3 * 1024 ** 5, 1)]:
    print(tracemalloc.Statistic(one, size, count))
print(repr(tracemalloc.Statistic(one, 100, 2)))
for size, diff, count, cdiff in [(2048, 2048, 4, 4), (0, -5000, 0, -12), (150000, -20, 30, 0), (64, 64, 1, 1)]:
    print(tracemalloc.StatisticDiff(one, size, diff, count, cdiff))
print(repr(tracemalloc.StatisticDiff(one, 10, -2, 1, -1)))

stats = [tracemalloc.Statistic(tracemalloc.Traceback(((n, l),)), s, c)
         for n, l, s, c in [("a.py", 1, 100, 1), ("a.py", 2, 300, 2), ("b.py", 1, 300, 3), ("b.py", 2, 300, 3)]]
stats.sort(reverse=True, key=lambda s: (s.size, s.count, s.traceback))
print([str(s.traceback) for s in stats])

f = tracemalloc.Filter(False, "<frozen*>")
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
d = tracemalloc.DomainFilter(True, 0)
print(d.inclusive, d.domain)

long_tb = tracemalloc.Traceback((("c.py", 3), ("b.py", 2), ("a.py", 1)))
print(long_tb.format())
print(long_tb.format(limit=1), long_tb.format(limit=-1), long_tb.format(most_recent_first=True))
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (0, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
print(tracemalloc.get_object_traceback([]))
