# async for and async with, driven by hand (no asyncio): __aiter__/__anext__, __aenter__/__aexit__.
class Tick:
    def __await__(self):
        yield "tick"

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Tick()
        self.n -= 1
        return self.n

class Resource:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress
    async def __aenter__(self):
        await Tick()
        self.log.append(f"enter {self.name}")
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.suppress

def drive(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as stop:
            return stop.value, ticks

async def main(log):
    seen = []
    async for i in Countdown(3):
        seen.append(i)
    else:
        seen.append("else")
    async for i in Countdown(5):
        if i == 2:
            break
        seen.append(i)
    else:
        seen.append("not reached")
    async with Resource("a", log) as a, Resource("b", log) as b:
        log.append(f"body {a} {b}")
    async with Resource("quiet", log, suppress=True):
        raise KeyError("swallowed")
    try:
        async with Resource("loud", log):
            raise ValueError("propagates")
    except ValueError as e:
        log.append(f"caught {e}")
    async for outer in Countdown(2):
        async for inner in Countdown(2):
            seen.append((outer, inner))
    return seen

async def early(log):
    async with Resource("r", log) as r:
        return f"returned from inside {r}"

log = []
print(drive(main(log)))
for line in log:
    print(line)
log = []
print(drive(early(log)), log)
