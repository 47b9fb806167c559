# Copyright 2007 Google, Inc. All Rights Reserved.
# Licensed to PSF under a Contributor Agreement.

"""Abstract Base Classes (ABCs) according to PEP 3119.

CPython 3.11's Lib/abc.py without ABCMeta: loopscope has no metaclasses, so virtual
subclasses (register, __subclasshook__) are not there, nor are the deprecated
abstractclassmethod/abstractstaticmethod/abstractproperty (subclasses of built-in types). ABC itself refuses, as ABCMeta
does, to instantiate a class that still has abstract methods.
"""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    Requires that the metaclass is ABCMeta or derived from it.  A
    class that has a metaclass derived from ABCMeta cannot be
    instantiated unless all of its abstract methods are overridden.
    The abstract methods can be called using any of the normal
    'super' call mechanisms.  abstractmethod() may be used to declare
    abstract methods for properties and descriptors.

    Usage:

        class C(metaclass=ABCMeta):
            @abstractmethod
            def my_abstract_method(self, arg1, arg2, argN):
                ...
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_methods(cls):
    # ABCMeta.__new__'s computation of __abstractmethods__ (_py_abc.py): the names whose
    # value along the MRO is still marked abstract.
    abstracts = set()
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
            else:
                abstracts.discard(name)
    return abstracts


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstracts = _abstract_methods(cls)
        if abstracts:
            # object_new's message for a class with abstract methods.
            names = ", ".join(sorted(abstracts))
            s = "s" if len(abstracts) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {names}")
        return object.__new__(cls)
