"""Context variables (PEP 567).

CPython writes this module in C (Python/context.c, exposed as _contextvars); this is
the pure-Python reference design of PEP 567 with a dict copied on write instead of a
HAMT. The event loop runs each task's steps in the task's context by setting
_current_context (PythonRuntime's TaskContexts.swift).
"""

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')


_NO_DEFAULT = object()


class Context:
    """A mapping of context variables to their values."""

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                f'cannot enter context: {self} is already entered')
        global _current_context
        self._prev = _current_context
        self._entered = True
        _current_context = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current_context = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


_current_context = Context()


def copy_context():
    return _current_context.copy()


class ContextVar:

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        try:
            return _current_context._data[self]
        except KeyError:
            pass
        if default is not _NO_DEFAULT:
            return default
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current_context
        data = ctx._data
        try:
            old_value = data[self]
        except KeyError:
            old_value = Token.MISSING
        # Copied on write: a context copied earlier keeps its own values.
        updated = dict(data)
        updated[self] = value
        ctx._data = updated
        return Token(ctx, self, old_value)

    def reset(self, token):
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current_context
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        updated = dict(ctx._data)
        if token._old_value is Token.MISSING:
            del updated[self]
        else:
            updated[self] = token._old_value
        ctx._data = updated
        token._used = True

    def __repr__(self):
        r = f"<ContextVar name={self._name!r}"
        if self._default is not _NO_DEFAULT:
            r += f" default={self._default!r}"
        return r + f" at 0x{id(self):x}>"

    def __hash__(self):
        return object.__hash__(self)


class Token:

    MISSING = object()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"
