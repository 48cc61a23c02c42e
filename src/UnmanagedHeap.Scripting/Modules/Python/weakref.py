# The weak containers of the weakref module, written in Python over ref() with callbacks and
# run by the interpreter itself, so every part of them is a heap object.
class WeakValueDictionary:
    def __init__(self, other=None):
        self.data = {}
        if other is not None:
            for k, v in dict(other).items():
                self[k] = v

    def _remover(self, key):
        data = self.data
        def remove(wr):
            if key in data and data[key] is wr:
                del data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len([k for k, wr in list(self.data.items()) if wr() is not None])

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *default):
        wr = self.data.pop(key, None)
        o = None if wr is None else wr()
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other):
        for k, v in dict(other).items():
            self[k] = v

    def keys(self):
        return [k for k, wr in list(self.data.items()) if wr() is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [o for o in [wr() for wr in list(self.data.values())] if o is not None]

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out

    def copy(self):
        return WeakValueDictionary(dict(self.items()))

    def clear(self):
        self.data.clear()

    def __repr__(self):
        return "<WeakValueDictionary at %s>" % hex(id(self))


class WeakKeyDictionary:
    def __init__(self, other=None):
        self.data = {}
        if other is not None:
            for k, v in dict(other).items():
                self[k] = v

    def _remover(self):
        data = self.data
        def remove(wr):
            if wr in data:
                del data[wr]
        return remove

    def __setitem__(self, key, value):
        self.data[ref(key, self._remover())] = value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([wr for wr in list(self.data.keys()) if wr() is not None])

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remover()), default)

    def update(self, other):
        for k, v in dict(other).items():
            self[k] = v

    def keys(self):
        return [o for o in [wr() for wr in list(self.data.keys())] if o is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def clear(self):
        self.data.clear()

    def __repr__(self):
        return "<WeakKeyDictionary at %s>" % hex(id(self))


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            for item in data:
                self.add(item)

    def _remover(self):
        data = self.data
        def remove(wr):
            data.discard(wr)
        return remove

    def add(self, item):
        self.data.add(ref(item, self._remover()))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([wr for wr in list(self.data) if wr() is not None])

    def __iter__(self):
        return iter([o for o in [wr() for wr in list(self.data)] if o is not None])

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(list(self))

    def __repr__(self):
        return "<WeakSet at %s>" % hex(id(self))
