# heapq's Python part: nlargest, nsmallest and merge, over the native heappush/heappop
# (Modules/HeapqModule.cs). Written from the documented behaviour
# (https://docs.python.org/3.12/library/heapq.html).

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def nsmallest(n, iterable, key=None):
    # Documented as equivalent to sorted(iterable, key=key)[:n]; a stable sort gives
    # exactly that result, ties included.
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    # Equivalent to sorted(iterable, key=key, reverse=True)[:n].
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    # Each entry is [value-or-key, order, item, iterator]; order breaks ties so earlier
    # iterables come first, and keeps the comparison from reaching the iterators.
    entries = []
    order = 0
    for it in iterables:
        it = iter(it)
        for item in it:
            k = item if key is None else key(item)
            entries.append(_Entry(k, order, item, it, reverse))
            break
        order += 1
    heapify(entries)
    while entries:
        e = entries[0]
        yield e.item
        for item in e.it:
            e.key = item if key is None else key(item)
            e.item = item
            heapreplace(entries, e)
            break
        else:
            heappop(entries)


class _Entry:
    __slots__ = ('key', 'order', 'item', 'it', 'reverse')

    def __init__(self, key, order, item, it, reverse):
        self.key = key
        self.order = order
        self.item = item
        self.it = it
        self.reverse = reverse

    def __lt__(self, other):
        if self.reverse:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
        else:
            if self.key < other.key:
                return True
            if other.key < self.key:
                return False
        return self.order < other.order
