import DequeModule

/// `collections.deque` as asyncio's queues use it (`_queue`, `_getters`, `_putters`):
/// appending and popping at either end in O(1), where a list's `pop(0)` would move every
/// item (a queue of thousands made each `get` cost thousands). Only the prelude makes
/// them, under the name `_deque`.
final class PyDeque: PyObject {
    private(set) var storage = Deque<Value>()

    override var pyClass: PyClass { Self.pyClass }
    static let pyClass = PyClass(name: "deque", bases: [BuiltinTypes.object], module: "collections")

    override var iterationItems: [Value]? { Array(storage) }
    override var nativeCount: Int? { storage.count }

    func contains(_ item: Value, _ vm: Interpreter) throws -> Bool {
        for v in storage where try v.isIdentical(to: item) || vm.equals(v, item) { return true }
        return false
    }

    override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        func method(_ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) -> Value {
            vm.nativeFunction(name, owner: "deque", signature, body)
        }
        switch name {
        case "append": return method(.oneArgument) { _, args, _ in self.storage.append(args[0]); return .none }
        case "appendleft": return method(.oneArgument) { _, args, _ in self.storage.prepend(args[0]); return .none }
        case "pop", "popleft":
            return method(.noArguments) { vm, _, _ in
                guard !self.storage.isEmpty else {
                    throw PythonError(vm.makeException(BuiltinTypes.indexError, "pop from an empty deque"))
                }
                return name == "pop" ? self.storage.removeLast() : self.storage.removeFirst()
            }
        case "remove":
            return method(.oneArgument) { vm, args, _ in
                for (i, v) in self.storage.enumerated() where try v.isIdentical(to: args[0]) || vm.equals(v, args[0]) {
                    self.storage.remove(at: i)
                    return .none
                }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "deque.remove(x): x not in deque"))
            }
        case "clear": return method(.noArguments) { _, _, _ in self.storage.removeAll(); return .none }
        default: return nil
        }
    }

    override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "deque([" + (try storage.map { try vm.repr($0) }).joined(separator: ", ") + "])"
    }
}
