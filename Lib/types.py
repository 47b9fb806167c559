"""
Define names for built-in types that aren't directly accessible as a builtin.

CPython 3.11's Lib/types.py for the types loopscope has: the names of types it does not
have (code objects, frames, tracebacks, cells, mapping proxies, descriptors' types) are
left out, and so are new_class/prepare_class (no metaclasses). SimpleNamespace is the
pure-Python equivalent CPython's documentation gives for its C type.
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


NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

__all__ = ['FunctionType', 'LambdaType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType',
           'MethodType', 'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'SimpleNamespace',
           'coroutine', 'NoneType', 'EllipsisType', 'NotImplementedType']


class GenericAlias:
    """types.GenericAlias, as CPython's C type (Objects/genericaliasobject.c) behaves for
    what programs do with `list[int]`, `dict[str, int]`: its repr, __origin__, __args__
    and __parameters__ (always empty: loopscope's typing keeps its own TypeVars),
    equality and hash, and calling it to make an instance of the origin."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

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
        raise TypeError(f'{self!r} is not a generic class')


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
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'
