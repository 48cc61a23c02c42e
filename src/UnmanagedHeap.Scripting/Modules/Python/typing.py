# typing: enough of it for programs to import and annotate, written for this interpreter
# from the documented behaviour (https://docs.python.org/3.12/library/typing.html).
# Subscripted forms print as CPython's do; they are not checked. Generic and Protocol are
# plain classes here: subscripting them gives back the class, so `class Box(Generic[T])`
# is ordinary single inheritance.

import collections as _collections

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, str):
        return "ForwardRef(%r)" % obj
    if isinstance(obj, list):
        return '[' + ', '.join([_type_repr(a) for a in obj]) + ']'
    return repr(obj)


class _GenericAlias:
    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Optional':
            return 'typing.Optional[' + _type_repr(self.__args__[0]) + ']'
        show = repr if self._name == 'Literal' else _type_repr
        return 'typing.' + self._name + '[' + ', '.join([show(a) for a in self.__args__]) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Type %s cannot be instantiated' % self._name)
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self._name, self.__origin__, _as_tuple(params))


def _as_tuple(params):
    if isinstance(params, tuple):
        return params
    return (params,)


class _SpecialGeneric:
    # List, Dict, Callable, ...: prints as typing.Name; subscripted, an alias.
    def __init__(self, name, origin, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = _as_tuple(params)
        if self._nparams >= 0 and len(params) != self._nparams and not (self._name == 'Tuple'):
            raise TypeError('Too %s arguments for typing.%s; actual %d, expected %d' % (
                'many' if len(params) > self._nparams else 'few', self._name, len(params), self._nparams))
        return _GenericAlias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Type %s cannot be instantiated; use %s() instead' % (self._name, self._name.lower()))
        return self.__origin__(*args, **kwargs)


class _CallableForm(_SpecialGeneric):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        return _GenericAlias('Callable', None, (list(args) if isinstance(args, (list, tuple)) else args, result))


class _SpecialForm:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = _as_tuple(params)
        name = self._name
        if name == 'Union':
            flat = []
            for p in params:
                if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
                    items = p.__args__
                else:
                    items = (p,)
                for q in items:
                    q = type(None) if q is None else q
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                return _GenericAlias('Optional', None, (other, type(None)))
            return _GenericAlias('Union', None, tuple(flat))
        if name == 'Optional':
            if len(params) != 1:
                raise TypeError('typing.Optional requires a single type.')
            return Union[params[0], None]
        return _GenericAlias(name, None, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate %r' % self)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
Annotated = _SpecialForm('Annotated')
TypeGuard = _SpecialForm('TypeGuard')
Concatenate = _SpecialForm('Concatenate')
Unpack = _SpecialForm('Unpack')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')

List = _SpecialGeneric('List', list, 1)
Dict = _SpecialGeneric('Dict', dict, 2)
Set = _SpecialGeneric('Set', set, 1)
FrozenSet = _SpecialGeneric('FrozenSet', frozenset, 1)
Tuple = _SpecialGeneric('Tuple', tuple)
Type = _SpecialGeneric('Type', type, 1)
DefaultDict = _SpecialGeneric('DefaultDict', _collections.defaultdict, 2)
OrderedDict = _SpecialGeneric('OrderedDict', _collections.OrderedDict, 2)
Counter = _SpecialGeneric('Counter', _collections.Counter, 1)
ChainMap = _SpecialGeneric('ChainMap', _collections.ChainMap, 2)
Deque = _SpecialGeneric('Deque', _collections.deque, 1)
Callable = _CallableForm('Callable', None)
Iterable = _SpecialGeneric('Iterable', None, 1)
Iterator = _SpecialGeneric('Iterator', None, 1)
Generator = _SpecialGeneric('Generator', None, 3)
Reversible = _SpecialGeneric('Reversible', None, 1)
Container = _SpecialGeneric('Container', None, 1)
Collection = _SpecialGeneric('Collection', None, 1)
Sequence = _SpecialGeneric('Sequence', None, 1)
MutableSequence = _SpecialGeneric('MutableSequence', None, 1)
Mapping = _SpecialGeneric('Mapping', None, 2)
MutableMapping = _SpecialGeneric('MutableMapping', None, 2)
AbstractSet = _SpecialGeneric('AbstractSet', None, 1)
MutableSet = _SpecialGeneric('MutableSet', None, 1)
KeysView = _SpecialGeneric('KeysView', None, 1)
ValuesView = _SpecialGeneric('ValuesView', None, 1)
ItemsView = _SpecialGeneric('ItemsView', None, 2)
Hashable = _SpecialGeneric('Hashable', None, 0)
Sized = _SpecialGeneric('Sized', None, 0)
Awaitable = _SpecialGeneric('Awaitable', None, 1)
Coroutine = _SpecialGeneric('Coroutine', None, 3)
AsyncIterable = _SpecialGeneric('AsyncIterable', None, 1)
AsyncIterator = _SpecialGeneric('AsyncIterator', None, 1)
AsyncGenerator = _SpecialGeneric('AsyncGenerator', None, 2)
ContextManager = _SpecialGeneric('ContextManager', None, 1)
SupportsInt = _SpecialGeneric('SupportsInt', None, 0)
SupportsFloat = _SpecialGeneric('SupportsFloat', None, 0)
SupportsIndex = _SpecialGeneric('SupportsIndex', None, 0)
SupportsAbs = _SpecialGeneric('SupportsAbs', None, 1)
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__


AnyStr = TypeVar('AnyStr', str, type(b''))


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    # Subscripted, gives the class itself (see the module comment).
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    import sys
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


def overload(func):
    return func


def final(f):
    return f


def override(method):
    return method


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __call__(self, x):
        return x

    def __repr__(self):
        return self.__module__ + '.' + self.__qualname__


def NamedTuple(typename, fields=None, **kwargs):
    # The functional form; the class form needs class annotations, not yet kept here.
    if fields is None:
        fields = list(kwargs.items())
    return _collections.namedtuple(typename, [f[0] for f in fields])


def TypedDict(typename, fields=None, *, total=True, **kwargs):
    # The functional form: a TypedDict's instances are plain dicts.
    return dict
