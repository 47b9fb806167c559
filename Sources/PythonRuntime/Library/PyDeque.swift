import DequeModule

/// `collections.deque` (CPython's `_collections.deque`, written in C): appending and
/// popping at either end in O(1), where a list's `pop(0)` would move every item. asyncio's
/// queues use it too (`_queue`, `_getters`, `_putters`, made by the prelude's `_deque`).
package final class PyDeque: PyObject {
    package private(set) var storage = Deque<Value>()
    /// `maxlen`: appending to a full deque drops an item from the other end. (Set once
    /// more by `deque.__init__` for a subclass's instance, made empty by `__new__`.)
    package private(set) var maxlen: Int?

    package init(maxlen: Int? = nil) {
        self.maxlen = maxlen
    }

    package override var pyClass: PyClass { instancePart?.cls ?? Self.pyClass }

    /// `deque.__init__(self, ...)` on a subclass's instance: the contents and limit of
    /// the deque the arguments make.
    package func takeBody(of other: PyDeque) {
        storage = other.storage
        maxlen = other.maxlen
    }
    package static let pyClass = PyClass(name: "deque", bases: [BuiltinTypes.object], module: "collections")

    package override var iterationItems: [Value]? { Array(storage) }
    package override var nativeCount: Int? { storage.count }

    /// `deque(iterable=(), maxlen=None)`.
    package static func construct(_ vm: Interpreter, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard args.count <= 2 else { throw vm.typeError("deque() takes at most 2 arguments (\(args.count) given)") }
        var iterable = args.first
        var limit = args.count > 1 ? args[1] : Value.none
        for (name, value) in kwargs {
            switch name {
            case "iterable" where args.isEmpty: iterable = value
            case "maxlen" where args.count < 2: limit = value
            default: throw vm.typeError("deque() got an unexpected keyword argument '\(name)'")
            }
        }
        var maxlen: Int?
        switch limit {
        case .none: break
        case .int(let n):
            guard n >= 0 else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "maxlen must be non-negative")) }
            maxlen = n
        default: throw vm.typeError("an integer is required")
        }
        let deque = PyDeque(maxlen: maxlen)
        if let iterable { deque.extend(try vm.iterate(iterable)) }
        return .object(deque)
    }

    package func append(_ v: Value) {
        if maxlen == 0 { return }
        if let maxlen, storage.count >= maxlen { storage.removeFirst() }
        storage.append(v)
    }

    package func appendLeft(_ v: Value) {
        if maxlen == 0 { return }
        if let maxlen, storage.count >= maxlen { storage.removeLast() }
        storage.prepend(v)
    }

    package func extend(_ items: [Value]) { for v in items { append(v) } }

    package func contains(_ item: Value, _ vm: Interpreter) throws -> Bool {
        try index(of: item, vm) != nil
    }

    private func index(of item: Value, _ vm: Interpreter, from start: Int = 0, to end: Int? = nil) throws -> Int? {
        let stop = min(end ?? storage.count, storage.count)
        var i = start
        while i < stop {
            let v = storage[storage.index(storage.startIndex, offsetBy: i)]
            if try v.isIdentical(to: item) || vm.equals(v, item) { return i }
            i += 1
        }
        return nil
    }

    /// The position `key` names (negative from the end), or IndexError.
    package func position(_ key: Value, _ vm: Interpreter) throws -> Int {
        guard case .int(let i) = key.asIntValue else {
            throw vm.typeError("sequence index must be integer, not '\(key.typeName)'")
        }
        let j = i < 0 ? i + storage.count : i
        guard j >= 0, j < storage.count else {
            throw PythonError(vm.makeException(BuiltinTypes.indexError, "deque index out of range"))
        }
        return j
    }

    package subscript(position: Int) -> Value {
        get { storage[storage.index(storage.startIndex, offsetBy: position)] }
        set { storage[storage.index(storage.startIndex, offsetBy: position)] = newValue }
    }

    package func remove(at position: Int) { storage.remove(at: storage.index(storage.startIndex, offsetBy: position)) }

    /// `rotate(n)`: n steps to the right (negative: to the left).
    package func rotate(_ n: Int) {
        guard storage.count > 1 else { return }
        let steps = ((n % storage.count) + storage.count) % storage.count
        for _ in 0..<steps { storage.prepend(storage.removeLast()) }
    }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        func method(_ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) -> Value {
            vm.nativeFunction(name, owner: "deque", signature, body)
        }
        func integer(_ v: Value) throws -> Int {
            guard case .int(let i) = v.asIntValue else {
                throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            return i
        }
        switch name {
        case "maxlen": return maxlen.map { .int($0) } ?? Value.none
        case "append": return method(.oneArgument) { _, args, _ in self.append(args[0]); return .none }
        case "appendleft": return method(.oneArgument) { _, args, _ in self.appendLeft(args[0]); return .none }
        case "extend":
            return method(.oneArgument) { vm, args, _ in self.extend(try vm.iterate(args[0])); return .none }
        case "extendleft":
            return method(.oneArgument) { vm, args, _ in
                for v in try vm.iterate(args[0]) { self.appendLeft(v) }
                return .none
            }
        case "pop", "popleft":
            return method(.noArguments) { vm, _, _ in
                guard !self.storage.isEmpty else {
                    throw PythonError(vm.makeException(BuiltinTypes.indexError, "pop from an empty deque"))
                }
                return name == "pop" ? self.storage.removeLast() : self.storage.removeFirst()
            }
        case "remove":
            return method(.oneArgument) { vm, args, _ in
                guard let i = try self.index(of: args[0], vm) else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "deque.remove(x): x not in deque"))
                }
                self.remove(at: i)
                return .none
            }
        case "index":
            return method(.positional(min: 1, max: 3)) { vm, args, _ in
                let start = args.count > 1 ? try integer(args[1]) : 0
                let end = args.count > 2 ? try integer(args[2]) : nil
                func clamp(_ i: Int) -> Int { max(0, i < 0 ? i + self.storage.count : i) }
                guard let i = try self.index(of: args[0], vm, from: clamp(start), to: end.map(clamp)) else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "\(try vm.repr(args[0])) is not in deque"))
                }
                return .int(i)
            }
        case "insert":
            return method(.positional(min: 2, max: 2)) { vm, args, _ in
                if let maxlen = self.maxlen, self.storage.count >= maxlen {
                    throw PythonError(vm.makeException(BuiltinTypes.indexError, "deque already at its maximum size"))
                }
                let i = try integer(args[0])
                let at = min(max(i < 0 ? i + self.storage.count : i, 0), self.storage.count)
                self.storage.insert(args[1], at: self.storage.index(self.storage.startIndex, offsetBy: at))
                return .none
            }
        case "count":
            return method(.oneArgument) { vm, args, _ in
                .int(try self.storage.reduce(0) { n, v in try v.isIdentical(to: args[0]) || vm.equals(v, args[0]) ? n + 1 : n })
            }
        case "rotate":
            return method(.positional(min: 0, max: 1)) { _, args, _ in
                self.rotate(args.isEmpty ? 1 : try integer(args[0]))
                return .none
            }
        case "reverse": return method(.noArguments) { _, _, _ in self.storage.reverse(); return .none }
        case "clear": return method(.noArguments) { _, _, _ in self.storage.removeAll(); return .none }
        case "copy", "__copy__":
            return method(.noArguments) { _, _, _ in
                let copy = PyDeque(maxlen: self.maxlen)
                copy.storage = self.storage
                return .object(copy)
            }
        default: return nil
        }
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        let items = "[" + (try storage.map { try vm.repr($0) }).joined(separator: ", ") + "]"
        // deque_repr names the instance's type (a subclass's name).
        return maxlen.map { "\(typeName)(\(items), maxlen=\($0))" } ?? "\(typeName)(\(items))"
    }
}
