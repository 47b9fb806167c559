/// `...`, the one instance of CPython's `ellipsis` type.
package final class PyEllipsis: PyObject {
    package static let shared = PyEllipsis()
    package static let pyClass = PyClass(name: "ellipsis", bases: [BuiltinTypes.object])
    package override var pyClass: PyClass { PyEllipsis.pyClass }
    package override func pythonRepr(_ vm: Interpreter) throws -> String? { "Ellipsis" }
}
