# dataclasses, written for this interpreter from the documented behaviour
# (https://docs.python.org/3.12/library/dataclasses.html).
#
# CPython generates __init__ and friends as source text and exec()s it; here they are
# generic methods that read the class's field list, with CPython's signatures' error
# messages. Fields come from the class's own __annotations__, in order.

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'asdict', 'astuple', 'fields', 'is_dataclass', 'make_dataclass', 'replace']


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=_FIELD)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    r = repr(tp)
    return r.startswith('typing.ClassVar') or tp == 'ClassVar' or (isinstance(tp, str) and tp.startswith('ClassVar'))


def _collect_fields(cls, kw_only_default):
    result = []
    # Inherited fields first, in their order.
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get('__dataclass_fields__') if base is not object else None
        if inherited:
            for f in inherited:
                result = [g for g in result if g.name != f.name]
                result.append(f)
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only = kw_only_default
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            kw_only = True
            continue
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default %r for field %s is not allowed: use default_factory'
                             % (type(f.default), name))
        # The class attribute is the default, or nothing when there is none.
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        result = [g for g in result if g.name != name]
        result.append(f)
    return result


def _init_fields(cls):
    fs = [f for f in cls.__dataclass_fields__ if f.init]
    positional = [f for f in fs if not f.kw_only]
    keyword = [f for f in fs if f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % f.name)
    return positional, keyword


def _dc_init(self, *args, **kwargs):
    cls = type(self)
    positional, keyword = cls.__dataclass_init_fields__
    where = cls.__qualname__ + '.__init__()'
    if len(args) > len(positional):
        most = len(positional) + 1
        least = 1 + len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
        if least == most:
            takes = '%d positional argument%s' % (most, '' if most == 1 else 's')
        else:
            takes = 'from %d to %d positional arguments' % (least, most)
        raise TypeError('%s takes %s but %d were given' % (where, takes, len(args) + 1))
    values = {}
    for i in range(len(args)):
        values[positional[i].name] = args[i]
    names = [f.name for f in positional] + [f.name for f in keyword]
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError("%s got an unexpected keyword argument '%s'" % (where, k))
        if k in values:
            raise TypeError("%s got multiple values for argument '%s'" % (where, k))
        values[k] = v
    missing = []
    kw_missing = []
    for f in positional + keyword:
        if f.name in values:
            continue
        if f.default is not MISSING:
            values[f.name] = f.default
        elif f.default_factory is not MISSING:
            values[f.name] = f.default_factory()
        elif f.kw_only:
            kw_missing.append(f.name)
        else:
            missing.append(f.name)
    if missing:
        raise TypeError('%s missing %d required positional argument%s: %s'
                        % (where, len(missing), '' if len(missing) == 1 else 's', _names(missing)))
    if kw_missing:
        raise TypeError('%s missing %d required keyword-only argument%s: %s'
                        % (where, len(kw_missing), '' if len(kw_missing) == 1 else 's', _names(kw_missing)))
    d = self.__dict__
    for f in cls.__dataclass_fields__:
        if f.init:
            d[f.name] = values[f.name]
        elif f.default is not MISSING:
            d[f.name] = f.default
        elif f.default_factory is not MISSING:
            d[f.name] = f.default_factory()
    post = getattr(cls, '__post_init__', None)
    if post is not None:
        self.__post_init__()


def _names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return ', '.join(quoted[:-1]) + ' and ' + quoted[-1]


def _dc_repr(self):
    cls = type(self)
    parts = ['%s=%r' % (f.name, getattr(self, f.name)) for f in cls.__dataclass_fields__ if f.repr]
    return cls.__qualname__ + '(' + ', '.join(parts) + ')'


def _cmp_tuple(self):
    return tuple([getattr(self, f.name) for f in type(self).__dataclass_fields__ if f.compare])


def _dc_eq(self, other):
    if type(other) is not type(self):
        return NotImplemented
    return _cmp_tuple(self) == _cmp_tuple(other)


def _order_check(self, other, op):
    if type(other) is not type(self):
        return NotImplemented
    return op(_cmp_tuple(self), _cmp_tuple(other))


def _dc_lt(self, other):
    return _order_check(self, other, lambda a, b: a < b)


def _dc_le(self, other):
    return _order_check(self, other, lambda a, b: a <= b)


def _dc_gt(self, other):
    return _order_check(self, other, lambda a, b: a > b)


def _dc_ge(self, other):
    return _order_check(self, other, lambda a, b: a >= b)


def _dc_hash(self):
    return hash(tuple([getattr(self, f.name) for f in type(self).__dataclass_fields__
                       if (f.compare if f.hash is None else f.hash)]))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError("cannot assign to field '%s'" % name)


def _frozen_delattr(self, name):
    raise FrozenInstanceError("cannot delete field '%s'" % name)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fs = _collect_fields(cls, kw_only)
    cls.__dataclass_fields__ = fs
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    own = cls.__dict__
    if init:
        cls.__dataclass_init_fields__ = _init_fields(cls)
        cls.__init__ = _dc_init
    if repr and '__repr__' not in own:
        cls.__repr__ = _dc_repr
    if eq and '__eq__' not in own:
        cls.__eq__ = _dc_eq
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, fn in (('__lt__', _dc_lt), ('__le__', _dc_le), ('__gt__', _dc_gt), ('__ge__', _dc_ge)):
            if name in own:
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering' % (name, cls.__name__))
            setattr(cls, name, fn)
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    has_hash = '__hash__' in own and own['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        if not (has_hash and not unsafe_hash):
            cls.__hash__ = _dc_hash
    elif eq and not has_hash:
        cls.__hash__ = None
    match_args = tuple([f.name for f in fs if f.init and not f.kw_only])
    cls.__match_args__ = match_args
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    fs = getattr(cls, '__dataclass_fields__', None)
    if fs is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(fs)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in type(obj).__dataclass_fields__])
    if isinstance(obj, list):
        return [_asdict_inner(v, dict_factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return dict([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items()])
    import copy
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in type(obj).__dataclass_fields__])
    if isinstance(obj, list):
        return [_astuple_inner(v, tuple_factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return dict([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items()])
    import copy
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in type(obj).__dataclass_fields__:
        if not f.init and f.name in changes:
            raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    raise TypeError('make_dataclass() needs type() with three arguments, which this interpreter does not support yet')
