# async def / await driven by a tiny hand-written event loop (no asyncio).
class Sleep:
    """An awaitable: its __await__ is a generator that yields a request to the loop."""
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        got = yield ("sleep", self.ticks)
        return got

async def add(a, b):
    return a + b

async def worker(name, steps, log):
    total = 0
    for i in range(steps):
        woke = await Sleep(i + 1)
        log.append(f"{name} step {i} woke={woke}")
        total += await add(i, 10)
    return f"{name} done {total}"

def run(coros):
    """Round-robin scheduler: send(None) until each coroutine raises StopIteration."""
    ready = [(coro, None) for coro in coros]
    results = []
    tick = 0
    while ready:
        coro, value = ready.pop(0)
        try:
            request = coro.send(value)
        except StopIteration as stop:
            results.append(stop.value)
            continue
        tick += 1
        ready.append((coro, tick))
    return results

log = []
print(run([worker("a", 2, log), worker("b", 3, log)]))
for line in log:
    print(line)

c = add(1, 2)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
except StopIteration:
    print("StopIteration again")

async def fails():
    await Sleep(1)
    raise ValueError("inside")

f = fails()
print(f.send(None))
try:
    f.send(None)
except ValueError as e:
    print("ValueError", e)

async def catches():
    try:
        await Sleep(1)
    except KeyError as e:
        return f"caught {e}"

g = catches()
g.send(None)
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

h = worker("h", 5, [])
h.send(None)
h.close()
print("closed")

x = add(1, 1)
for op in (lambda: next(x), lambda: iter(x)):
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
x.close()

async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError", e)
print(repr(add(1, 2)).startswith("<coroutine object add at 0x"))
