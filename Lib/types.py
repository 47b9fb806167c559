"""
Define names for built-in types that aren't directly accessible as a builtin.

CPython 3.11's Lib/types.py for the types loopscope has: the names of types it does not
have (code objects, frames, tracebacks, cells, descriptors' types) are left out, and
so are new_class/prepare_class. SimpleNamespace is the pure-Python equivalent CPython's
documentation gives for its C type; MappingProxyType is a Python class too (CPython's
is C).
"""

# Iterators in Python aren't a matter of type but of protocol.  A large
# and changing number of builtin types implement *some* flavor of
# iterator.  Don't check the type!  Use hasattr to check for both
# "__iter__" and "__next__" attributes instead.

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType

def _g():
    yield 1
GeneratorType = type(_g())

async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()  # Prevent ResourceWarning

async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # Same as BuiltinFunctionType

import math as _math
ModuleType = type(_math)

del _f, _g, _C, _c, _ag, _math  # Not for export


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(kwargs)
        for key, value in dict(mapping_or_iterable).items():
            setattr(self, key, value)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return "{}({})".format(type(self).__name__ if type(self) is not SimpleNamespace else "namespace", ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def coroutine(func):
    """Convert regular generator function to a coroutine."""

    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    # loopscope: generator-based coroutines are not supported; an async def is
    # returned as it is (CPython does the same for functions that are not generators).
    return func


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    This is a descriptor, used to define attributes that act differently when
    accessed through an instance and through a class.  Instance access remains
    normal, but access to an attribute through a class will be routed to the
    class's __getattr__ method; this is done by raising AttributeError.

    This allows one to have properties active on an instance, and have virtual
    attributes on the class with the same name.  (Enum used this between Python
    versions 3.4 - 3.9 .)

    Subclass from this to use a different method of accessing virtual attributes
    and still be treated properly by the inspect module. (Enum uses this since
    Python 3.10 .)

    """
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # next two lines make DynamicClassAttribute act the same as property
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        # support for abstract methods
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class mappingproxy:
    """A read-only view of a mapping.

    loopscope: CPython's mappingproxy is written in C (``type(type.__dict__)``); this class
    answers the same reads through the mapping it wraps and has no way to write to it."""

    def __init__(self, mapping):
        if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__') or isinstance(mapping, (list, tuple)):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return dict(self._mapping) | other

    def __ror__(self, other):
        return other | dict(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)

    __hash__ = None


MappingProxyType = mappingproxy
del mappingproxy


NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

__all__ = ['FunctionType', 'LambdaType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType',
           'MethodType', 'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'SimpleNamespace',
           'coroutine', 'NoneType', 'EllipsisType', 'NotImplementedType', 'DynamicClassAttribute',
           'MappingProxyType', 'GenericAlias', 'UnionType']


def _nb_or(self, other):
    return _union_type_or(self, other)


def _nb_ror(self, other):
    # The C slot takes its operands in the expression's order, whichever is self.
    return _union_type_or(other, self)


class GenericAlias:
    """types.GenericAlias, as CPython's C type (Objects/genericaliasobject.c) behaves for
    what programs do with `list[int]`, `dict[str, int]`: its repr, __origin__, __args__
    and __parameters__ (_make_parameters), equality and hash, and calling it to make an
    instance of the origin."""

    # ga_new: made in __new__ (not __init__), so that subclasses such as
    # _collections_abc._CallableGenericAlias can call super().__new__(cls, origin, args).
    def __new__(cls, origin, args):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _make_parameters(args)
        return self

    def __repr__(self):
        if len(self.__args__) == 0:
            return f'{_ga_repr_item(self.__origin__)}[()]'
        return f'{_ga_repr_item(self.__origin__)}[{", ".join(_ga_repr_item(a) for a in self.__args__)}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getitem__(self, item):
        # ga_getitem: the type variables substituted (`list[T][int]` is `list[int]`).
        return GenericAlias(self.__origin__, _subs_parameters(self, self.__args__, self.__parameters__, item))

    # ga_as_number: `list[int] | None` is a types.UnionType.
    __or__ = _nb_or
    __ror__ = _nb_ror

    # ga_instancecheck, ga_subclasscheck.
    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    # As CPython's C type (Objects/unionobject.c): made only by `X | Y` (type_or,
    # _union_type_or below), never by calling the class. isinstance() and issubclass()
    # read a union's __args__ as a tuple of classes (the VM does, as Objects/abstract.c's
    # object_recursive_isinstance does for _PyUnion_Check). Its __parameters__ are its
    # args' (union_parameters, _make_parameters).

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    def __repr__(self):
        return ' | '.join([_union_repr_item(a) for a in self.__args__])

    # union_richcompare: the args as sets, so order and repetition do not matter.
    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __ne__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) != set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __getitem__(self, item):
        # union_getitem: the type variables substituted, the new args or-ed together.
        newargs = _subs_parameters(self, self.__args__, self.__parameters__, item)
        if not newargs:
            return _make_union(newargs)
        res = newargs[0]
        for arg in newargs[1:]:
            res = res | arg
        return res

    __or__ = _nb_or
    __ror__ = _nb_ror


def _is_unionable(obj):
    # unionobject.c's is_unionable.
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType))


def _union_type_or(self, other):
    """_Py_union_type_or: the nb_or of type, GenericAlias and UnionType."""
    if not _is_unionable(self) or not _is_unionable(other):
        return NotImplemented
    return _make_union((self, other))


def _make_union(args):
    # unionobject.c's make_union over dedup_and_flatten_args: a union's own args are
    # spliced in, None becomes NoneType, repeats go (by identity, by equality between
    # GenericAliases); a single type left is itself.
    flat = []
    for arg in args:
        if isinstance(arg, UnionType):
            flat.extend(arg.__args__)
        elif arg is None:
            flat.append(NoneType)
        else:
            flat.append(arg)
    unique = []
    for arg in flat:
        for seen in unique:
            if (seen == arg if isinstance(arg, GenericAlias) and isinstance(seen, GenericAlias)
                    else seen is arg):
                break
        else:
            unique.append(arg)
    if len(unique) == 1:
        return unique[0]
    union = object.__new__(UnionType)
    union.__args__ = tuple(unique)
    union.__parameters__ = _make_parameters(union.__args__)
    return union


def _subs_parameters(self, args, parameters, item):
    # genericaliasobject.c's _Py_subs_parameters (TypeVarTuple unpacking aside): each
    # arg that is a type variable becomes its item, through its __typing_subst__; an arg
    # with type variables of its own is subscripted with theirs.
    nparams = len(parameters)
    if nparams == 0:
        raise TypeError(f'{self!r} is not a generic class')
    if not isinstance(item, tuple):
        item = (item,)
    for param in parameters:
        prepare = getattr(param, '__typing_prepare_subst__', None)
        if prepare is not None:
            item = prepare(self, item)
    nitems = len(item)
    if nitems != nparams:
        raise TypeError(f"Too {'many' if nitems > nparams else 'few'} arguments for {self!r}; "
                        f"actual {nitems}, expected {nparams}")
    newargs = []
    for arg in args:
        if isinstance(arg, type):
            newargs.append(arg)
            continue
        subst = getattr(arg, '__typing_subst__', None)
        if subst is not None:
            arg = subst(item[_param_index(parameters, arg)])
        else:
            subparams = getattr(arg, '__parameters__', None)
            if isinstance(subparams, tuple) and subparams:
                arg = arg[tuple(item[_param_index(parameters, p)] for p in subparams)]
        newargs.append(arg)
    return tuple(newargs)


def _param_index(parameters, param):
    # tuple_index: by identity.
    for i, p in enumerate(parameters):
        if p is param:
            return i
    return -1


def _make_parameters(args):
    # genericaliasobject.c's _Py_make_parameters: the type variables among the args (what
    # has __typing_subst__), then those of each arg's own __parameters__, each once.
    parameters = []
    for t in args:
        # A bare class's __parameters__ (a descriptor) is not its own.
        if isinstance(t, type):
            continue
        if hasattr(t, '__typing_subst__'):
            if not any(p is t for p in parameters):
                parameters.append(t)
        else:
            subparams = getattr(t, '__parameters__', None)
            if isinstance(subparams, tuple):
                for t2 in subparams:
                    if not any(p is t2 for p in parameters):
                        parameters.append(t2)
    return tuple(parameters)


def _union_repr_item(p):
    # unionobject.c's union_repr_item: NoneType shows as None, else as ga_repr_item.
    if p is NoneType:
        return 'None'
    return _ga_repr_item(p)


def _ga_repr_item(p):
    # genericaliasobject.c's ga_repr_item.
    if p is Ellipsis:
        return '...'
    if hasattr(p, '__origin__') and hasattr(p, '__args__'):
        return repr(p)
    if isinstance(p, list):
        return '[' + ', '.join(_ga_repr_item(x) for x in p) + ']'
    try:
        qualname = p.__qualname__
        module = p.__module__
    except AttributeError:
        return repr(p)
    if module is None:
        return repr(p)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'
