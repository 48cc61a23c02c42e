# copy: shallow and deep copies, written from the documented behaviour
# (https://docs.python.org/3.12/library/copy.html). Instances are made without calling
# __init__ (as object.__new__ would) through the interpreter's _pyheap helper, then given
# the original's attributes.

import _pyheap


class Error(Exception):
    pass


error = Error

__all__ = ['Error', 'copy', 'deepcopy']

# Values that are their own copy, shallow or deep.
_ATOMIC = (type(None), int, float, bool, str, type(b''), type, range, type(len),
           type(lambda: 0), type(Ellipsis), type(NotImplemented))
try:
    _ATOMIC = _ATOMIC + (complex,)
except NameError:
    pass


def _is_atomic(x):
    t = type(x)
    for a in _ATOMIC:
        if t is a:
            return True
    return False


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        if c is object:
            break
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names


def _state(x):
    # (the __dict__ contents or None, the slot values as a dict).
    d = None
    try:
        d = x.__dict__
    except AttributeError:
        pass
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    return d, slots


def _new_like(x):
    cls = type(x)
    try:
        return _pyheap.new_instance(cls)
    except TypeError:
        raise TypeError("cannot pickle '%s' object" % cls.__name__) from None


def copy(x):
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return x.__copy__()
    y = _new_like(x)
    d, slots = _state(x)
    if d:
        y.__dict__.update(d)
    for name, value in slots.items():
        setattr(y, name, value)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple that holds itself through a list was copied while copying its items.
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(x)):
            if items[i] is not x[i]:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    else:
        copier = getattr(cls, '__deepcopy__', None)
        if copier is not None:
            y = x.__deepcopy__(memo)
        else:
            y = _new_like(x)
            memo[d] = y
            state, slots = _state(x)
            if state:
                state = deepcopy(state, memo)
                y.__dict__.update(state)
            for name, value in slots.items():
                setattr(y, name, deepcopy(value, memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The originals stay referenced from the memo, so their ids cannot be reused by new
    # objects while the memo is in use (the same trick CPython's copy uses).
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
