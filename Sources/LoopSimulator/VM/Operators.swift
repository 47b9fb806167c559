/// Arithmetic, comparison, truth and iteration with Python's rules for the built-in types.
extension Interpreter {
    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            if let l = o as? PyList { return !l.items.isEmpty }
            if let t = o as? PyTuple { return !t.items.isEmpty }
            if let d = o as? PyDict { return d.count > 0 }
            if let r = o as? PyRange { return r.count > 0 }
            if let n = o.nativeCount { return n > 0 }
            return try userTruth(v) ?? true
        }
    }

    private func arithmetic<T>(_ body: () throws(PyArithmeticError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            let cls: PyClass
            switch error {
            case .zeroDivision: cls = BuiltinTypes.zeroDivisionError
            case .overflow: cls = BuiltinTypes.overflowError
            case .valueError: cls = BuiltinTypes.valueError
            }
            throw PythonError(makeException(cls, error.message))
        }
    }

    private func intValue(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private func floatValue(_ v: Value) -> Double? {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// `a op b`; `inplace` only words the error as `op=`.
    func binaryOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inplace: Bool = false) throws -> Value {
        // int (op) int
        if let x = intValue(a), let y = intValue(b) {
            switch op {
            case .add: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.add(x, y) })
            case .sub: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.sub(x, y) })
            case .mul: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.mul(x, y) })
            case .div: return .float(try arithmetic { () throws(PyArithmeticError) in try PyInt.trueDiv(x, y) })
            case .floorDiv: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.floorDiv(x, y) })
            case .mod: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.mod(x, y) })
            case .pow:
                switch try arithmetic({ () throws(PyArithmeticError) in try PyInt.pow(x, y) }) {
                case .int(let i): return .int(i)
                case .float(let d): return .float(d)
                }
            case .lshift:
                guard y >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "negative shift count")) }
                // x == 0 shifts to 0 however far; otherwise the result must shift back to x
                // (y == 63 holds only for -1 << 63, Int.min).
                guard x == 0 || (y <= 63 && x == (x << y) >> y) else {
                    throw PythonError(makeException(BuiltinTypes.overflowError, "integer too large for the simulator (64-bit ints)"))
                }
                return .int(x << y)
            case .rshift:
                guard y >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "negative shift count")) }
                return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
            case .bitAnd:
                if case .bool(let p) = a, case .bool(let q) = b { return .bool(p && q) }
                return .int(x & y)
            case .bitOr:
                if case .bool(let p) = a, case .bool(let q) = b { return .bool(p || q) }
                return .int(x | y)
            case .bitXor:
                if case .bool(let p) = a, case .bool(let q) = b { return .bool(p != q) }
                return .int(x ^ y)
            case .matMul: break
            }
        }
        // float arithmetic (at least one float)
        if let x = floatValue(a), let y = floatValue(b) {
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            case .div: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.trueDiv(x, y) })
            case .floorDiv: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.floorDiv(x, y) })
            case .mod: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.mod(x, y) })
            case .pow: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.pow(x, y) })
            default: break
            }
        }
        switch (op, a, b) {
        case let (.add, .str(x), .str(y)):
            return .str(x + y)
        case let (.mul, .str(s), n), let (.mul, n, .str(s)):
            if let count = intValue(n) {
                try checkRepetition(count, s.utf8.count)
                return .str(count > 0 ? String(repeating: s, count: count) : "")
            }
        case let (.mod, .str(s), args):
            return .str(try percentFormat(s, args))
        case let (.add, .object(x), .object(y)):
            if let l = x as? PyList, let r = y as? PyList { return .object(PyList(l.items + r.items)) }
            if let l = x as? PyTuple, let r = y as? PyTuple { return .object(PyTuple(l.items + r.items)) }
        case let (.mul, .object(o), n), let (.mul, n, .object(o)):
            if let count = intValue(n) {
                let times = max(0, count)
                if let l = o as? PyList { try checkRepetition(times, l.items.count) }
                if let t = o as? PyTuple { try checkRepetition(times, t.items.count) }
                if let l = o as? PyList {
                    return .object(PyList(Array([[Value]](repeating: l.items, count: times).joined())))
                }
                if let t = o as? PyTuple {
                    return .object(PyTuple(Array([[Value]](repeating: t.items, count: times).joined())))
                }
            }
        default:
            break
        }
        if let result = try setOperation(op, a, b) { return result }
        if let v = try binaryDunder(op, a, b) { return v }
        throw typeError(binaryOperationMessage(op, a, b, inplace: inplace))
    }

    /// CPython's words for an operator its operands do not support: sequences name the
    /// concatenation or repetition they refused.
    private func binaryOperationMessage(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inplace: Bool) -> String {
        func isSequence(_ v: Value) -> Bool {
            if case .str = v { return true }
            if case .object(let o) = v { return o is PyList || o is PyTuple }
            return false
        }
        if op == .add, isSequence(a), a.typeName != b.typeName {
            return "can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)"
        }
        if op == .mul, isSequence(a) || isSequence(b) {
            let other = isSequence(a) ? b : a
            if intValue(other) == nil {
                return "can't multiply sequence by non-int of type '\(other.typeName)'"
            }
        }
        return "unsupported operand type(s) for \(op.rawValue)\(inplace ? "=" : ""): '\(a.typeName)' and '\(b.typeName)'"
    }

    /// Sequences the simulator will build: a repetition past this raises MemoryError
    /// (CPython would try, and fail, to allocate it).
    static let maxSequenceLength = 50_000_000

    private func checkRepetition(_ times: Int, _ length: Int) throws {
        guard times > 0, length > 0 else { return }
        let (total, overflow) = times.multipliedReportingOverflow(by: length)
        if overflow || total > Self.maxSequenceLength {
            throw PythonError(makeException(BuiltinTypes.memoryError))
        }
    }

    func unaryOperation(_ op: UnaryOperatorKind, _ a: Value) throws -> Value {
        switch op {
        case .not: return .bool(!(try truthy(a)))
        case .neg:
            if let i = intValue(a) {
                guard i != Int.min else { throw PythonError(makeException(BuiltinTypes.overflowError, "integer too large for the simulator (64-bit ints)")) }
                return .int(-i)
            }
            if case .float(let d) = a { return .float(-d) }
        case .pos:
            if let i = intValue(a) { return .int(i) }
            if case .float(let d) = a { return .float(d) }
        case .invert:
            if let i = intValue(a) { return .int(~i) }
        }
        if let v = try unaryDunder(op, a) { return v }
        throw typeError("bad operand type for unary \(op == .invert ? "~" : op.rawValue): '\(a.typeName)'")
    }

    // MARK: Comparison

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        if isUserInstance(a) || isUserInstance(b) { return try userEquals(a, b) }
        switch (a, b) {
        case (.none, .none): return true
        case let (.str(x), .str(y)): return x == y
        case let (.object(x), .object(y)):
            if x === y { return true }
            return try enterRecursiveCall(" in comparison") { try objectEquals(x, y, a, b) }
        default:
            if let x = intValue(a), let y = intValue(b) { return x == y }
            if let x = floatValue(a), let y = floatValue(b) { return x == y }
            return false
        }
    }

    private func objectEquals(_ x: PyObject, _ y: PyObject, _ a: Value, _ b: Value) throws -> Bool {
        if let l = x as? PyList, let r = y as? PyList { return try sequenceEquals(l.items, r.items) }
        if let l = x as? PyTuple, let r = y as? PyTuple { return try sequenceEquals(l.items, r.items) }
        if let l = x as? PyDict, let r = y as? PyDict {
            guard l.count == r.count else { return false }
            for (k, v) in l.entries {
                guard let other = r.get(k), try equals(v, other) else { return false }
            }
            return true
        }
        if let l = x as? PyRange, let r = y as? PyRange {
            return l.count == r.count && (l.count == 0 || (l.start == r.start && (l.count == 1 || l.step == r.step)))
        }
        if let l = x as? PySet, let r = y as? PySet { return setEquals(l, r) }
        if x is PyBoundMethod, y is PyBoundMethod { return try callableEquals(a, b, self) }
        return false
    }

    private func sequenceEquals(_ a: [Value], _ b: [Value]) throws -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !(try x.isIdentical(to: y) || equals(x, y)) { return false }
        return true
    }

    /// `a < b` for orderable built-in values (what `sorted`, `min` and `max` use).
    func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        try ordered(.lt, a, b)
    }

    /// `<`, `<=`, `>`, `>=` with Python's rules: numbers by value, strings by code point,
    /// lists and tuples by their first differing item (then by length). The error names
    /// the operands in the order they were written.
    private func ordered(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool {
        func apply<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op {
            case .lt: return x < y
            case .ltE: return x <= y
            case .gt: return x > y
            default: return x >= y
            }
        }
        if let x = intValue(a), let y = intValue(b) { return apply(x, y) }
        if let x = floatValue(a), let y = floatValue(b) { return apply(x, y) }
        switch (a, b) {
        case let (.str(x), .str(y)):
            if x == y { return op == .ltE || op == .gtE }
            let less = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            return op == .lt || op == .ltE ? less : !less
        case let (.object(x), .object(y)):
            var left: [Value]?, right: [Value]?
            if let l = x as? PyList, let r = y as? PyList { left = l.items; right = r.items }
            if let l = x as? PyTuple, let r = y as? PyTuple { left = l.items; right = r.items }
            if let left, let right {
                return try enterRecursiveCall(" in comparison") {
                    for (p, q) in zip(left, right) where !(try p.isIdentical(to: q) || equals(p, q)) {
                        return try ordered(op, p, q)
                    }
                    return apply(left.count, right.count)
                }
            }
        default: break
        }
        if let result = setOrdering(op, a, b) { return result }
        if let r = try userOrdered(op, a, b) { return r }
        throw typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    func compare(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .eq: return try equals(a, b)
        case .notEq: return !(try equals(a, b))
        case .lt, .ltE, .gt, .gtE: return try ordered(op, a, b)
        case .is: return a.isIdentical(to: b)
        case .isNot: return !a.isIdentical(to: b)
        case .in: return try contains(b, a)
        case .notIn: return !(try contains(b, a))
        }
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .object(let o):
            if let d = o as? PyDict {
                guard item.isHashable else { throw typeError("unhashable type: '\(item.typeName)'") }
                return d.get(item) != nil
            }
            if let r = o as? PyRange, let i = intValue(item) {
                guard r.count > 0, r.step > 0 ? (i >= r.start && i < r.stop) : (i <= r.start && i > r.stop) else { return false }
                // In the range's span; the distance from start fits an unsigned word.
                let offset = r.step > 0 ? UInt(bitPattern: i &- r.start) : UInt(bitPattern: r.start &- i)
                return offset % r.step.magnitude == 0
            }
            if let set = o as? PySet {
                try requireHashable(item)
                return set.contains(item)
            }
            if let deque = o as? PyDeque { return try deque.contains(item, self) }
            if o is PyList || o is PyTuple || o is PyRange {
                for v in try iterate(container) where try v.isIdentical(to: item) || equals(v, item) { return true }
                return false
            }
        default: break
        }
        if let r = try userContains(container, item) { return r }
        throw typeError("argument of type '\(container.typeName)' is not iterable")
    }

    // MARK: Iteration

    /// `iter(v)`: a `PyIterator`, or a generator (its own iterator).
    func makeIterator(_ v: Value) throws -> PyObject {
        switch v {
        case .str(let s): return PyIterator(.string(Array(s)))
        case .object(let o):
            if let l = o as? PyList { return PyIterator(.list(l)) }
            if let t = o as? PyTuple { return PyIterator(.values(t.items)) }
            if let r = o as? PyRange { return PyIterator(.range(r)) }
            if let d = o as? PyDict { return PyIterator(.values(d.entries.map { $0.0 })) }
            if let it = o as? PyIterator { return it }
            if let gen = o as? PyGenerator, !gen.isAsync { return gen }
            if let items = nativeIterable(o) { return PyIterator(.values(items)) }
        default: break
        }
        if let it = try userIterator(v) { return it }
        throw typeError("'\(v.typeName)' object is not iterable")
    }

    /// The items of any iterable, as an array.
    func iterate(_ v: Value) throws -> [Value] {
        switch v {
        case .object(let o):
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
            if let r = o as? PyRange, r.count > Self.maxSequenceLength { throw PythonError(makeException(BuiltinTypes.memoryError)) }
        default: break
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let next = try nextItem(it) { out.append(next) }
        return out
    }

    // MARK: Subscripts

    private func index(_ key: Value, count: Int, _ what: String) throws -> Int {
        guard let i = intValue(key) else {
            throw typeError("\(what) indices must be integers or slices, not \(key.typeName)")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else {
            throw PythonError(makeException(BuiltinTypes.indexError, "\(what) index out of range"))
        }
        return j
    }

    /// Python's `slice.indices(length)`.
    private func sliceIndices(_ s: PySlice, count: Int) throws -> [Int] {
        let step = s.step.isNone ? 1 : (intValue(s.step) ?? 1)
        guard step != 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "slice step cannot be zero")) }
        func clamp(_ v: Value, _ defaultValue: Int) -> Int {
            guard let i = intValue(v) else { return defaultValue }
            var j = i < 0 ? i + count : i
            if step > 0 { j = min(max(j, 0), count) } else { j = min(max(j, -1), count - 1) }
            return j
        }
        let start = clamp(s.lower, step > 0 ? 0 : count - 1)
        let stop = clamp(s.upper, step > 0 ? count : -1)
        return Array(stride(from: start, to: stop, by: step))
    }

    func getItem(_ obj: Value, _ key: Value) throws -> Value {
        switch obj {
        case .str(let s):
            let chars = Array(s)
            if case .object(let k) = key, let slice = k as? PySlice {
                return .str(String(try sliceIndices(slice, count: chars.count).map { chars[$0] }))
            }
            return .str(String(chars[try index(key, count: chars.count, "string")]))
        case .object(let o):
            if let l = o as? PyList {
                if case .object(let k) = key, let slice = k as? PySlice {
                    return .object(PyList(try sliceIndices(slice, count: l.items.count).map { l.items[$0] }))
                }
                return l.items[try index(key, count: l.items.count, "list")]
            }
            if let t = o as? PyTuple {
                if case .object(let k) = key, let slice = k as? PySlice {
                    return .object(PyTuple(try sliceIndices(slice, count: t.items.count).map { t.items[$0] }))
                }
                return t.items[try index(key, count: t.items.count, "tuple")]
            }
            if let d = o as? PyDict {
                guard key.isHashable else { throw typeError("unhashable type: '\(key.typeName)'") }
                guard let v = d.get(key) else {
                    throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [key]))
                }
                return v
            }
            if let r = o as? PyRange {
                if r.lengthOverflows, case .int(let i) = key {
                    // Longer than an Int: index from the end in unsigned arithmetic.
                    guard let value = r.item(at: i) else { throw PythonError(makeException(BuiltinTypes.indexError, "range object index out of range")) }
                    return .int(value)
                }
                return .int(r.item(try index(key, count: r.count, "range object")))
            }
            if let d = o as? PyDeque { return d[try d.position(key, self)] }
            // `Class[item]`: the class's `__class_getitem__` (PEP 560), as `list[int]` is.
            if let cls = o as? PyClass, let hook = cls.lookup("__class_getitem__") {
                return try callNow(try descriptorGet(hook, instance: nil, owner: cls), [key])
            }
        default: break
        }
        if let v = try userGetItem(obj, key) { return v }
        throw typeError("'\(obj.typeName)' object is not subscriptable")
    }

    func storeSubscript(_ obj: Value, _ key: Value, _ value: Value) throws {
        if case .object(let o) = obj {
            if let l = o as? PyList, case .object(let k) = key, let slice = k as? PySlice {
                let items = try iterate(value)
                let indices = try sliceIndices(slice, count: l.items.count)
                let step = slice.step.isNone ? 1 : (intValue(slice.step) ?? 1)
                if step == 1 {
                    let start = indices.first ?? min(max(intValue(slice.lower).map { $0 < 0 ? $0 + l.items.count : $0 } ?? 0, 0), l.items.count)
                    let end = indices.last.map { $0 + 1 } ?? start
                    l.items.replaceSubrange(start..<max(start, end), with: items)
                } else {
                    guard items.count == indices.count else {
                        throw PythonError(makeException(BuiltinTypes.valueError,
                            "attempt to assign sequence of size \(items.count) to extended slice of size \(indices.count)"))
                    }
                    for (i, v) in zip(indices, items) { l.items[i] = v }
                }
                return
            }
            if let l = o as? PyList {
                l.items[try index(key, count: l.items.count, "list assignment")] = value
                return
            }
            if let d = o as? PyDict {
                guard key.isHashable else { throw typeError("unhashable type: '\(key.typeName)'") }
                d.set(key, value)
                return
            }
            if let d = o as? PyDeque {
                d[try d.position(key, self)] = value
                return
            }
        }
        if try userSetItem(obj, key, value) { return }
        throw typeError("'\(obj.typeName)' object does not support item assignment")
    }

    func deleteSubscript(_ obj: Value, _ key: Value) throws {
        if case .object(let o) = obj {
            if let l = o as? PyList, case .object(let k) = key, let slice = k as? PySlice {
                let doomed = Set(try sliceIndices(slice, count: l.items.count))
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            if let l = o as? PyList {
                l.items.remove(at: try index(key, count: l.items.count, "list assignment"))
                return
            }
            if let d = o as? PyDict {
                guard d.remove(key) != nil else { throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [key])) }
                return
            }
            if let d = o as? PyDeque {
                d.remove(at: try d.position(key, self))
                return
            }
        }
        if try userDeleteItem(obj, key) { return }
        throw typeError("'\(obj.typeName)' object does not support item deletion")
    }
}

typealias BinaryOperatorKind = ScenarioLanguage.BinaryOperator
typealias UnaryOperatorKind = ScenarioLanguage.UnaryOperator
typealias CompareOperatorKind = ScenarioLanguage.CompareOperator

import ScenarioLanguage
