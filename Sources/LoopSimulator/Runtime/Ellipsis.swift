/// `...`, the one instance of CPython's `ellipsis` type.
final class PyEllipsis: PyObject {
    static let shared = PyEllipsis()
    static let pyClass = PyClass(name: "ellipsis", bases: [BuiltinTypes.object])
    override var pyClass: PyClass { PyEllipsis.pyClass }
    override func pythonRepr(_ vm: Interpreter) throws -> String? { "Ellipsis" }
}
