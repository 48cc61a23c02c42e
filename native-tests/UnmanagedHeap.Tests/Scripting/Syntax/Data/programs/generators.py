def fib(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


def chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk.clear()
    if chunk:
        yield tuple(chunk)


def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def running_average():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count


evens = [n for n in fib(1000) if n % 2 == 0]
squares = {n: n ** 2 for n in range(10) if n & 1}
pairs = [(x, y) for x in range(3) for y in range(x) if x != y]
print(evens, squares, pairs)
print(list(chunks(range(10), 3)))
print(list(flatten([1, [2, (3, [4])], 5])))
avg = running_average()
next(avg)
for v in (10, 20, 30):
    print(avg.send(v))
gen = (c.upper() for c in "hello" if c not in "aeiou")
print("".join(gen), max(fib(100), default=-1))
