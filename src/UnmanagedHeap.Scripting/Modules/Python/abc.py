# abc: ABC and abstractmethod, written for this interpreter from the documented behaviour
# (https://docs.python.org/3.12/library/abc.html).
#
# Function objects take no new attributes here, so abstract methods are remembered by
# identity in _abstract (which also keeps them alive). The TypeError on instantiating a
# class with abstract methods needs a hook when a subclass is made (__init_subclass__ or a
# metaclass), which this interpreter does not have yet: ABC.__init__ checks instead, so a
# subclass that defines its own __init__ without calling super().__init__() is not checked.

_abstract = {}


def abstractmethod(funcobj):
    _abstract[id(funcobj)] = funcobj
    return funcobj


def _is_abstract(value):
    if id(value) in _abstract and _abstract[id(value)] is value:
        return True
    return getattr(value, '__isabstractmethod__', False) is True


def _abstract_names(cls):
    names = []
    seen = set()
    for c in cls.__mro__:
        if c is object:
            break
        for name, value in c.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(value):
                names.append(name)
    return sorted(names)


def _check_instantiable(cls):
    names = _abstract_names(cls)
    if names:
        s = 's' if len(names) > 1 else ''
        raise TypeError("Can't instantiate abstract class %s without an implementation for abstract method%s %s"
                        % (cls.__name__, s, ', '.join(["'%s'" % n for n in names])))


class ABCMeta:
    # A stand-in name: metaclasses are not supported here yet.
    pass


class ABC:
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        _check_instantiable(type(self))


def abstractproperty(fget):
    return property(abstractmethod(fget))


abstractclassmethod = classmethod
abstractstaticmethod = staticmethod


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    return cls
