/// `dict.keys()`, `dict.values()` and `dict.items()`: live views of a dict, as
/// `dictobject.c`'s dictview objects. They show the dict as it is when used (iteration,
/// `len`, `in`, repr); the keys and items views are also set-like (`|`, `&`, `-`, `^`,
/// comparisons with sets), see DictViews.swift.
package final class PyDictView: PyObject {
    package enum Kind { case keys, values, items }
    package let dict: PyDict
    package let kind: Kind

    package init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    package override var pyClass: PyClass {
        switch kind {
        case .keys: return BuiltinTypes.dictKeys
        case .values: return BuiltinTypes.dictValues
        case .items: return BuiltinTypes.dictItems
        }
    }

    /// Keys and items views behave as sets; values views do not (values may repeat).
    package var isSetLike: Bool { kind != .values }

    package override var iterationItems: [Value]? {
        switch kind {
        case .keys: return dict.entries.map { $0.0 }
        case .values: return dict.entries.map { $0.1 }
        case .items: return dict.entries.map { .object(PyTuple([$0.0, $0.1])) }
        }
    }

    package override var nativeCount: Int? { dict.count }

    /// `dict_keys(['a', 'b'])`
    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        pyClass.name + "(" + (try vm.repr(.object(PyList(iterationItems ?? [])))) + ")"
    }
}
