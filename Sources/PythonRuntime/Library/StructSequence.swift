/// A read-only record of named fields as CPython's `PyStructSequence` types are
/// (`sys.hash_info`, `sys.float_info`): its fields are attributes and its repr names them.
/// (CPython's are tuples too; nothing here indexes them.)
package final class PyStructSequence: PyObject {
    /// The repr's prefix: "sys.hash_info".
    package let qualifiedName: String
    package let fields: [(name: String, value: Value)]

    package init(_ typeName: String, _ fields: [(String, Value)]) {
        self.qualifiedName = typeName
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    package override var pyClass: PyClass { Self.pyClass }
    package static let pyClass = PyClass(name: "structseq", bases: [BuiltinTypes.object], module: "sys")

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        fields.first { $0.name == name }?.value
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        qualifiedName + "(" + (try fields.map { "\($0.name)=\(try vm.repr($0.value))" }).joined(separator: ", ") + ")"
    }
}
