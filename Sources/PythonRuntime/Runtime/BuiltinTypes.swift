/// The classes of built-in values and the exception hierarchy, shared by every simulation
/// (they are immutable once built; library classes are created per simulation).
public enum BuiltinTypes {
    public static let object = PyClass(name: "object", bases: [])
    public static let type = PyClass(name: "type", bases: [object])
    public static let noneType = PyClass(name: "NoneType", bases: [object])
    public static let int = PyClass(name: "int", bases: [object])
    public static let bool = PyClass(name: "bool", bases: [int])
    public static let float = PyClass(name: "float", bases: [object])
    public static let complex = PyClass(name: "complex", bases: [object])
    public static let str = PyClass(name: "str", bases: [object])
    public static let list = PyClass(name: "list", bases: [object])
    public static let tuple = PyClass(name: "tuple", bases: [object])
    public static let dict = PyClass(name: "dict", bases: [object])
    public static let defaultdict = PyClass(name: "defaultdict", bases: [dict], module: "collections")
    public static let orderedDict = PyClass(name: "OrderedDict", bases: [dict], module: "collections")
    public static let counter = PyClass(name: "Counter", bases: [dict], module: "collections")
    public static let set = PyClass(name: "set", bases: [object])
    public static let frozenset = PyClass(name: "frozenset", bases: [object])
    public static let bytes = PyClass(name: "bytes", bases: [object])
    public static let bytearray = PyClass(name: "bytearray", bases: [object])
    public static let memoryview = PyClass(name: "memoryview", bases: [object])
    public static let module = PyClass(name: "module", bases: [object])
    public static let function = PyClass(name: "function", bases: [object])
    public static let builtinFunction = PyClass(name: "builtin_function_or_method", bases: [object])
    /// `str.upper`, `list.append`: a built-in type's method read from the type.
    public static let methodDescriptor = PyClass(name: "method_descriptor", bases: [object])
    public static let method = PyClass(name: "method", bases: [object])
    public static let coroutine = PyClass(name: "coroutine", bases: [object])
    public static let generator = PyClass(name: "generator", bases: [object])
    public static let asyncGenerator = PyClass(name: "async_generator", bases: [object])
    public static let cell = PyClass(name: "cell", bases: [object])
    public static let range = PyClass(name: "range", bases: [object])
    public static let code = PyClass(name: "code", bases: [object])
    public static let dictKeys = PyClass(name: "dict_keys", bases: [object])
    public static let dictValues = PyClass(name: "dict_values", bases: [object])
    public static let dictItems = PyClass(name: "dict_items", bases: [object])
    // The iterators of the built-in types: CPython gives each its own type, and
    // `_collections_abc` registers each as an `Iterator` (so `type(iter([]))` is not
    // `object`, which would make every class an iterator).
    package static let listIterator = PyClass(name: "list_iterator", bases: [object])
    package static let listReverseIterator = PyClass(name: "list_reverseiterator", bases: [object])
    package static let tupleIterator = PyClass(name: "tuple_iterator", bases: [object])
    package static let rangeIterator = PyClass(name: "range_iterator", bases: [object])
    package static let longRangeIterator = PyClass(name: "longrange_iterator", bases: [object])
    package static let strIterator = PyClass(name: "str_iterator", bases: [object])
    package static let strASCIIIterator = PyClass(name: "str_ascii_iterator", bases: [object])
    package static let setIterator = PyClass(name: "set_iterator", bases: [object])
    package static let bytesIterator = PyClass(name: "bytes_iterator", bases: [object])
    package static let bytearrayIterator = PyClass(name: "bytearray_iterator", bases: [object])
    package static let dictKeyIterator = PyClass(name: "dict_keyiterator", bases: [object])
    package static let dictValueIterator = PyClass(name: "dict_valueiterator", bases: [object])
    package static let dictItemIterator = PyClass(name: "dict_itemiterator", bases: [object])
    package static let dictReverseKeyIterator = PyClass(name: "dict_reversekeyiterator", bases: [object])
    /// CPython's `iterator`: the sequence protocol's iterator (`__getitem__` only), and
    /// here also that of the native types with no iterator type of their own.
    package static let iterator = PyClass(name: "iterator", bases: [object])
    package static let callableIterator = PyClass(name: "callable_iterator", bases: [object])
    // The lazy builtins whose CPython versions are types of their own.
    package static let mapIterator = PyClass(name: "map", bases: [object])
    package static let filterIterator = PyClass(name: "filter", bases: [object])
    package static let enumerateIterator = PyClass(name: "enumerate", bases: [object])
    package static let zipIterator = PyClass(name: "zip", bases: [object])
    package static let reversedIterator = PyClass(name: "reversed", bases: [object])
    /// The types whose instances are `PyIterator`s.
    package static let iteratorTypes: [PyClass] = [
        listIterator, listReverseIterator, tupleIterator, rangeIterator, longRangeIterator, strIterator,
        strASCIIIterator, setIterator, bytesIterator, bytearrayIterator, dictKeyIterator, dictValueIterator,
        dictItemIterator, dictReverseKeyIterator, iterator, callableIterator, mapIterator, filterIterator,
        enumerateIterator, zipIterator, reversedIterator,
    ]
    /// The built-in types whose `__class_getitem__` makes a `types.GenericAlias`
    /// (`list[int]`; `re.Pattern[str]`, `re.Match[str]`).
    package static let generics: [PyClass] = [type, list, tuple, dict, set, frozenset, defaultdict, orderedDict, counter,
                                      SREPattern.pyClass, SREMatch.pyClass]

    // MARK: Exceptions (CPython 3.11's hierarchy, the part scenarios meet)

    public static let baseException = PyClass(name: "BaseException", bases: [object])
    public static let exception = PyClass(name: "Exception", bases: [baseException])
    public static let baseExceptionGroup = PyClass(name: "BaseExceptionGroup", bases: [baseException])
    public static let exceptionGroup = PyClass(name: "ExceptionGroup", bases: [baseExceptionGroup, exception])
    public static let systemExit = PyClass(name: "SystemExit", bases: [baseException])
    public static let keyboardInterrupt = PyClass(name: "KeyboardInterrupt", bases: [baseException])
    public static let generatorExit = PyClass(name: "GeneratorExit", bases: [baseException])
    public static let stopIteration = PyClass(name: "StopIteration", bases: [exception])
    public static let stopAsyncIteration = PyClass(name: "StopAsyncIteration", bases: [exception])
    public static let arithmeticError = PyClass(name: "ArithmeticError", bases: [exception])
    public static let zeroDivisionError = PyClass(name: "ZeroDivisionError", bases: [arithmeticError])
    public static let overflowError = PyClass(name: "OverflowError", bases: [arithmeticError])
    public static let assertionError = PyClass(name: "AssertionError", bases: [exception])
    public static let attributeError = PyClass(name: "AttributeError", bases: [exception])
    public static let lookupError = PyClass(name: "LookupError", bases: [exception])
    public static let indexError = PyClass(name: "IndexError", bases: [lookupError])
    public static let keyError = PyClass(name: "KeyError", bases: [lookupError])
    public static let nameError = PyClass(name: "NameError", bases: [exception])
    public static let unboundLocalError = PyClass(name: "UnboundLocalError", bases: [nameError])
    public static let runtimeError = PyClass(name: "RuntimeError", bases: [exception])
    public static let notImplementedError = PyClass(name: "NotImplementedError", bases: [runtimeError])
    public static let recursionError = PyClass(name: "RecursionError", bases: [runtimeError])
    public static let typeError = PyClass(name: "TypeError", bases: [exception])
    public static let valueError = PyClass(name: "ValueError", bases: [exception])
    public static let osError = PyClass(name: "OSError", bases: [exception])
    public static let timeoutError = PyClass(name: "TimeoutError", bases: [osError])
    public static let connectionError = PyClass(name: "ConnectionError", bases: [osError])
    public static let memoryError = PyClass(name: "MemoryError", bases: [exception])
    public static let importError = PyClass(name: "ImportError", bases: [exception])
    public static let moduleNotFoundError = PyClass(name: "ModuleNotFoundError", bases: [importError])

    /// asyncio.CancelledError derives from BaseException since 3.8, so `except Exception`
    /// does not swallow cancellation.
    public static let cancelledError: PyClass = {
        let c = PyClass(name: "CancelledError", bases: [baseException], module: "asyncio.exceptions")
        return c
    }()
    public static let invalidStateError = PyClass(name: "InvalidStateError", bases: [exception], module: "asyncio.exceptions")

    /// The rest of CPython 3.11's built-in exception tree (`Objects/exceptions.c`), by
    /// name: the OSError family, the warnings and the rarer errors.
    public static let moreExceptions: [PyClass] = {
        func make(_ name: String, _ base: PyClass) -> PyClass { PyClass(name: name, bases: [base]) }
        let warning = make("Warning", exception)
        let unicodeError = make("UnicodeError", valueError)
        let syntaxError = make("SyntaxError", exception)
        let indentationError = make("IndentationError", syntaxError)
        var all = [
            make("BlockingIOError", osError), make("ChildProcessError", osError),
            make("BrokenPipeError", connectionError), make("ConnectionAbortedError", connectionError),
            make("ConnectionRefusedError", connectionError), make("ConnectionResetError", connectionError),
            make("FileExistsError", osError), make("FileNotFoundError", osError),
            make("InterruptedError", osError), make("IsADirectoryError", osError),
            make("NotADirectoryError", osError), make("PermissionError", osError),
            make("ProcessLookupError", osError),
            make("EOFError", exception), make("FloatingPointError", arithmeticError),
            make("BufferError", exception), make("ReferenceError", exception),
            make("SystemError", exception),
            unicodeError, make("UnicodeDecodeError", unicodeError), make("UnicodeEncodeError", unicodeError),
            make("UnicodeTranslateError", unicodeError),
            syntaxError, indentationError, make("TabError", indentationError),
            warning,
        ]
        for name in ["UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning",
                     "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
                     "ResourceWarning", "EncodingWarning"] {
            all.append(make(name, warning))
        }
        return all
    }()

    /// What `compile`/`exec`/`eval` raise for source they cannot compile.
    public static let syntaxError = moreExceptions.first { $0.name == "SyntaxError" } ?? exception

    /// Exception classes visible as builtins in scenarios, by name.
    public static let builtinExceptions: [PyClass] = [
        baseException, exception, baseExceptionGroup, exceptionGroup, systemExit, keyboardInterrupt,
        generatorExit, stopIteration, stopAsyncIteration, arithmeticError, zeroDivisionError, overflowError, assertionError,
        attributeError, lookupError, indexError, keyError, nameError, unboundLocalError, runtimeError,
        notImplementedError, recursionError, typeError, valueError, osError, timeoutError,
        connectionError, memoryError, importError, moduleNotFoundError,
    ] + moreExceptions
}
