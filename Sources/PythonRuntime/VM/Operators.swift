/// Arithmetic, comparison, truth and iteration with Python's rules for the built-in types.
extension Interpreter {
    package func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            if o.instancePart != nil, let t = try userTruth(v) { return t }
            if let l = o as? PyList { return !l.items.isEmpty }
            if let t = o as? PyTuple { return !t.items.isEmpty }
            if let d = o as? PyDict { return d.count > 0 }
            if let r = o as? PyRange { return r.count > 0 }
            if let r = o as? PyLongRange { return r.length > 0 }
            if let n = o.nativeCount { return n > 0 }
            if o is PyLong { return true }  // never zero: zero fits in 64 bits
            if let c = o as? PyComplex { return c.real != 0 || c.imag != 0 }
            return try userTruth(v) ?? true
        }
    }

    package func arithmetic<T>(_ body: () throws(PyArithmeticError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            let cls: PyClass
            switch error {
            case .zeroDivision: cls = BuiltinTypes.zeroDivisionError
            case .overflow: cls = BuiltinTypes.overflowError
            case .valueError: cls = BuiltinTypes.valueError
            case .memory: return try raiseMemoryError()
            }
            throw PythonError(makeException(cls, error.message))
        }
    }

    private func raiseMemoryError<T>() throws -> T {
        throw PythonError(makeException(BuiltinTypes.memoryError))
    }

    package func intValue(_ v: Value) -> Int? {
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
    package func binaryOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inplace: Bool = false) throws -> Value {
        // int (op) int: 64-bit while the result fits, exact big ints past that.
        if let x = intValue(a), let y = intValue(b) {
            switch op {
            case .add:
                let (r, overflow) = x.addingReportingOverflow(y)
                if !overflow { return .int(r) }
            case .sub:
                let (r, overflow) = x.subtractingReportingOverflow(y)
                if !overflow { return .int(r) }
            case .mul:
                let (r, overflow) = x.multipliedReportingOverflow(by: y)
                if !overflow { return .int(r) }
            case .div: return .float(try arithmetic { () throws(PyArithmeticError) in try PyInt.trueDiv(x, y) })
            case .floorDiv:
                if x != .min || y != -1 { return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.floorDiv(x, y) }) }
            case .mod: return .int(try arithmetic { () throws(PyArithmeticError) in try PyInt.mod(x, y) })
            case .pow:
                if y < 0 { return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.pow(Double(x), Double(y)) }) }
                if case .int(let i)? = try? PyInt.pow(x, y) { return .int(i) }
            case .lshift:
                guard y >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "negative shift count")) }
                // x == 0 shifts to 0 however far; otherwise the result must shift back to x
                // (y == 63 holds only for -1 << 63, Int.min). Past that it is a big int.
                if x == 0 || (y <= 63 && x == (x << y) >> y) { return .int(x << y) }
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
            if let result = try bigIntOperation(op, BigInt(x), BigInt(y)) { return result }
        }
        if a.isBigInteger || b.isBigInteger, let result = try bigOperand(op, a, b) { return result }
        // float arithmetic (at least one float)
        if let x = floatValue(a), let y = floatValue(b) {
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            case .div: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.trueDiv(x, y) })
            case .floorDiv: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.floorDiv(x, y) })
            case .mod: return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.mod(x, y) })
            case .pow:
                if let complex = try negativeFloatPower(x, y) { return complex }
                return .float(try arithmetic { () throws(PyArithmeticError) in try PyFloatArithmetic.pow(x, y) })
            default: break
            }
        }
        if let result = try complexOperation(op, a, b) { return result }
        // A built-in container subclass's own operator comes before the built-in one.
        if isDerivedContainer(a) || isDerivedContainer(b), let v = try binaryDunder(op, a, b) { return v }
        switch (op, a, b) {
        case let (.add, .str(x), .str(y)):
            try reserve(x.utf8.count + y.utf8.count)
            return .str(x + y)
        case let (.mul, .str(s), n), let (.mul, n, .str(s)):
            if let count = intValue(n) {
                try checkRepetition(count, s.utf8.count, bytesEach: 1)
                return .str(repeatedString(s, count: count))
            }
        case let (.mod, .str(s), args):
            return .str(try percentFormat(s, args))
        case let (.mod, .object(o as PyBytes), args):
            return .object(PyBytes(try percentFormat(bytes: o.bytes, args), byteArray: o.isByteArray))
        case let (.add, .object(x), .object(y)):
            // bytes + any bytes-like object (a memoryview too) is of the left operand's type.
            if let l = x as? PyBytes, let r = b.byteValues {
                try reserve(l.bytes.count + r.count)
                return .object(PyBytes(l.bytes + r, byteArray: l.isByteArray))
            }
            if let l = x as? PyList, let r = y as? PyList {
                try reserve(l.items.count + r.items.count, bytesEach: Self.valueBytes)
                return .object(PyList(l.items + r.items))
            }
            if let l = x as? PyTuple, let r = y as? PyTuple {
                try reserve(l.items.count + r.items.count, bytesEach: Self.valueBytes)
                return .object(PyTuple(l.items + r.items))
            }
        case let (.mul, .object(o), n), let (.mul, n, .object(o)):
            if let count = intValue(n) {
                let times = max(0, count)
                if let b = o as? PyBytes {
                    try checkRepetition(times, b.bytes.count, bytesEach: 1)
                    return .object(PyBytes(Array([[UInt8]](repeating: b.bytes, count: times).joined()), byteArray: b.isByteArray))
                }
                if let l = o as? PyList { try checkRepetition(times, l.items.count, bytesEach: Self.valueBytes) }
                if let t = o as? PyTuple { try checkRepetition(times, t.items.count, bytesEach: Self.valueBytes) }
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
        if let result = try dictViewOperation(op, a, b) { return result }
        if let result = try counterOperation(op, a, b) { return result }
        if let result = try dictMerge(op, a, b, inPlace: false) { return result }
        if let v = try binaryDunder(op, a, b) { return v }
        if op == .bitOr, let v = try typeOr(a, b) { return v }
        // An int, str or float subclass's instance without the method: its value's.
        if derivedValue(a) != nil || derivedValue(b) != nil {
            return try binaryOperation(op, derivedValue(a) ?? a, derivedValue(b) ?? b, inplace: inplace)
        }
        throw typeError(binaryOperationMessage(op, a, b, inplace: inplace))
    }

    /// An operation with a big int operand: exact when both are ints, in floats when one
    /// is a float (the int converted with CPython's OverflowError), sequence repetition
    /// refused as CPython refuses a count past a machine word; nil for what else the
    /// operands might do (a user class's reflected method).
    private func bigOperand(_ op: BinaryOperatorKind, _ a: Value, _ b: Value) throws -> Value? {
        if op == .matMul { return nil }
        if let x = a.bigInteger, let y = b.bigInteger { return try bigIntOperation(op, x, y) }
        func float(_ v: Value) throws -> Double? {
            if case .float(let d) = v { return d }
            guard let big = v.bigInteger else { return nil }
            return try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.toDouble(big) }
        }
        let floatOperators: [BinaryOperatorKind] = [.add, .sub, .mul, .div, .floorDiv, .mod, .pow]
        if floatOperators.contains(op), let x = try float(a), let y = try float(b) {
            return try binaryOperation(op, .float(x), .float(y))
        }
        let other = a.isBigInteger ? b : a
        var isSequence = false
        if case .str = other { isSequence = true }
        if case .object(let o) = other, o is PyList || o is PyTuple { isSequence = true }
        if op == .mul, isSequence {
            throw PythonError(makeException(BuiltinTypes.overflowError, "cannot fit 'int' into an index-sized integer"))
        }
        return nil
    }

    /// `x op y` on ints, exactly (nil for `@`, which ints do not have).
    private func bigIntOperation(_ op: BinaryOperatorKind, _ x: BigInt, _ y: BigInt) throws -> Value? {
        try arithmetic { () throws(PyArithmeticError) -> Value? in
            switch op {
            case .add: return .integer(x + y)
            case .sub: return .integer(x - y)
            case .mul:
                if x.magnitude.bitWidth + y.magnitude.bitWidth > PyLongArithmetic.maxBits { throw .memory }
                return .integer(x * y)
            case .div: return .float(try PyLongArithmetic.trueDiv(x, y))
            case .floorDiv: return .integer(try PyLongArithmetic.floorDiv(x, y))
            case .mod: return .integer(try PyLongArithmetic.mod(x, y))
            case .pow:
                if y.sign == .minus && !y.isZero {
                    return .float(try PyFloatArithmetic.pow(try PyLongArithmetic.toDouble(x), try PyLongArithmetic.toDouble(y)))
                }
                return .integer(try PyLongArithmetic.pow(x, y))
            case .lshift: return .integer(try PyLongArithmetic.leftShift(x, y))
            case .rshift: return .integer(try PyLongArithmetic.rightShift(x, y))
            case .bitAnd: return .integer(PyLongArithmetic.bitwise(.and, x, y))
            case .bitOr: return .integer(PyLongArithmetic.bitwise(.or, x, y))
            case .bitXor: return .integer(PyLongArithmetic.bitwise(.xor, x, y))
            case .matMul: return nil
            }
        }
    }

    /// CPython's words for an operator its operands do not support: sequences name the
    /// concatenation or repetition they refused.
    private func binaryOperationMessage(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inplace: Bool) -> String {
        func isSequence(_ v: Value) -> Bool {
            if case .str = v { return true }
            if case .object(let o) = v { return o is PyList || o is PyTuple }
            return false
        }
        if op == .add, a.byteValues != nil, b.byteValues == nil {
            return "can't concat \(b.typeName) to \(a.typeName)"
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

    /// A repetition of `length` items of `bytesEach` bytes, `times` over, must fit the
    /// memory budget (`'ab' * 10**8` is 200 MB, which CPython builds too).
    private func checkRepetition(_ times: Int, _ length: Int, bytesEach: Int) throws {
        guard times > 0, length > 0 else { return }
        let (total, overflow) = times.multipliedReportingOverflow(by: length)
        if overflow {
            throw PythonError(makeException(BuiltinTypes.memoryError))
        }
        try reserve(total, bytesEach: bytesEach)
    }

    package func unaryOperation(_ op: UnaryOperatorKind, _ a: Value) throws -> Value {
        switch op {
        case .not: return .bool(!(try truthy(a)))
        case .neg:
            if let i = intValue(a) { return i == .min ? .integer(-BigInt(i)) : .int(-i) }
            if case .float(let d) = a { return .float(-d) }
            if let big = a.bigInteger { return .integer(-big) }
        case .pos:
            if let i = intValue(a) { return .int(i) }
            if case .float(let d) = a { return .float(d) }
            if a.isBigInteger { return a }
        case .invert:
            if let i = intValue(a) { return .int(~i) }
            if let big = a.bigInteger { return .integer(-big - 1) }
        }
        if let v = complexUnary(op, a) { return v }
        if let v = try unaryDunder(op, a) { return v }
        throw typeError("bad operand type for unary \(op == .invert ? "~" : op.rawValue): '\(a.typeName)'")
    }

    // MARK: Comparison

    package func equals(_ a: Value, _ b: Value) throws -> Bool {
        if isUserInstance(a) || isUserInstance(b) { return try userEquals(a, b) }
        switch (a, b) {
        case (.none, .none): return true
        case let (.str(x), .str(y)): return CodePoints.equal(x, y)
        case let (.object(x), .object(y)):
            if x === y { return true }
            if let l = x as? PyLong, let r = y as? PyLong { return l.value == r.value }
            return try enterRecursiveCall(" in comparison") { try objectEquals(x, y, a, b) }
        default:
            if let c = a.asObject as? PyComplex { return PyComplex.equals(c.value, b) ?? false }
            if let c = b.asObject as? PyComplex { return PyComplex.equals(c.value, a) ?? false }
            if a.isBigInteger || b.isBigInteger { return compareBigNumbers(a, b) == 0 }
            if let x = intValue(a), let y = intValue(b) { return x == y }
            if let order = intFloatOrder(a, b) { return order == 0 }
            if let x = floatValue(a), let y = floatValue(b) { return x == y }
            return false
        }
    }

    package func objectEquals(_ x: PyObject, _ y: PyObject, _ a: Value, _ b: Value) throws -> Bool {
        if let l = x as? PyList, let r = y as? PyList { return try sequenceEquals(l.items, r.items) }
        if let l = x as? PyBytes, let r = y as? PyBytes { return l.bytes == r.bytes }
        if let c = x as? PyComplex { return PyComplex.equals(c.value, b) ?? false }
        if let c = y as? PyComplex { return PyComplex.equals(c.value, a) ?? false }
        if let m = x as? PyMemoryView { return memoryViewEquals(m, b) }
        if let m = y as? PyMemoryView { return memoryViewEquals(m, a) }
        if let l = x as? PyTuple, let r = y as? PyTuple { return try sequenceEquals(l.items, r.items) }
        if let l = x as? PyDeque, let r = y as? PyDeque { return try sequenceEquals(Array(l.storage), Array(r.storage)) }
        if let l = x as? PyDict, let r = y as? PyDict {
            guard l.count == r.count else { return false }
            // Two OrderedDicts are equal only in the same order (OrderedDict.__eq__).
            if case .ordered = l.flavor, case .ordered = r.flavor {
                for ((k1, _), (k2, _)) in zip(l.entries, r.entries) where try !equals(k1, k2) { return false }
            }
            for (k, v) in l.entries {
                guard let other = r.get(k), try equals(v, other) else { return false }
            }
            return true
        }
        if let l = x as? PyRange, let r = y as? PyRange {
            return l.count == r.count && (l.count == 0 || (l.start == r.start && (l.count == 1 || l.step == r.step)))
        }
        if x is PyLongRange || y is PyLongRange,
           let l = (x as? PyLongRange) ?? (x as? PyRange)?.long, let r = (y as? PyLongRange) ?? (y as? PyRange)?.long {
            let a = l.identity, b = r.identity
            return a.length == b.length && a.start == b.start && a.step == b.step
        }
        if let l = x as? PySet, let r = y as? PySet { return setEquals(l, r) }
        if x is PyDictView || y is PyDictView, let r = try dictViewEquals(a, b) { return r }
        if x is PyBoundMethod && y is PyBoundMethod || x is PyBuiltin && y is PyBuiltin { return try callableEquals(a, b, self) }
        if let l = x as? SREPattern, let r = y as? SREPattern { return try l.isEqual(to: r, self) }
        if let l = x as? PyWeakReference, let r = y as? PyWeakReference { return try l.isEqual(to: r, self) }
        return false
    }

    /// An int (or bool) against a float, exactly: -1, 0, 1; nil when the operands are not
    /// one of each, or the float is NaN (unordered: then the double comparison is False).
    private func intFloatOrder(_ a: Value, _ b: Value) -> Int? {
        if let i = intValue(a), case .float(let d) = b { return IntFloatComparison.compare(i, d) }
        if case .float(let d) = a, let i = intValue(b) { return IntFloatComparison.compare(i, d).map { -$0 } }
        return nil
    }

    /// `a` against `b` when one is a big int and the other a number, exactly (CPython never
    /// rounds the int to compare it with a float): -1, 0, 1, or nil when unordered or not
    /// both numbers.
    package func compareBigNumbers(_ a: Value, _ b: Value) -> Int? {
        if let x = a.bigInteger, let y = b.bigInteger { return x < y ? -1 : (x == y ? 0 : 1) }
        if let x = a.bigInteger, case .float(let d) = b { return PyLongArithmetic.compare(x, d) }
        if case .float(let d) = a, let y = b.bigInteger { return PyLongArithmetic.compare(y, d).map { -$0 } }
        return nil
    }

    private func sequenceEquals(_ a: [Value], _ b: [Value]) throws -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !(try x.isIdentical(to: y) || equals(x, y)) { return false }
        return true
    }

    /// `a < b` for orderable built-in values (what `sorted`, `min` and `max` use).
    package func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        try ordered(.lt, a, b)
    }

    /// `<`, `<=`, `>`, `>=` with Python's rules: numbers by value, strings by code point,
    /// lists and tuples by their first differing item (then by length). The error names
    /// the operands in the order they were written.
    package func ordered(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool {
        func apply<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op {
            case .lt: return x < y
            case .ltE: return x <= y
            case .gt: return x > y
            default: return x >= y
            }
        }
        if let x = intValue(a), let y = intValue(b) { return apply(x, y) }
        if let order = intFloatOrder(a, b) { return apply(order, 0) }
        if let x = floatValue(a), let y = floatValue(b) { return apply(x, y) }
        func isNumber(_ v: Value) -> Bool { v.bigInteger != nil || floatValue(v) != nil }
        if a.isBigInteger || b.isBigInteger, isNumber(a), isNumber(b) {
            // NaN is unordered: every comparison with it is False.
            guard let order = compareBigNumbers(a, b) else { return false }
            return apply(order, 0)
        }
        switch (a, b) {
        case let (.str(x), .str(y)):
            if CodePoints.equal(x, y) { return op == .ltE || op == .gtE }
            let less = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            return op == .lt || op == .ltE ? less : !less
        case let (.object(x), .object(y)):
            if let l = x as? PyBytes, let r = y as? PyBytes {
                if l.bytes == r.bytes { return op == .ltE || op == .gtE }
                let less = l.bytes.lexicographicallyPrecedes(r.bytes)
                return op == .lt || op == .ltE ? less : !less
            }
            var left: [Value]?, right: [Value]?
            if let l = x as? PyList, let r = y as? PyList { left = l.items; right = r.items }
            if let l = x as? PyTuple, let r = y as? PyTuple { left = l.items; right = r.items }
            if let l = x as? PyDeque, let r = y as? PyDeque { left = Array(l.storage); right = Array(r.storage) }
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
        if let result = try dictViewOrdering(op, a, b) { return result }
        if let r = try userOrdered(op, a, b) { return r }
        throw typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    package func compare(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool {
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

    /// With `native`, a built-in container subclass's `__contains__` is not asked.
    package func contains(_ container: Value, _ item: Value, native: Bool = false) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = derivedValue(item) ?? item else {
                throw typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return CodePoints.contains(s, sub)
        case .object(let o):
            if o.instancePart != nil, !native, let method = userMethod(container, "__contains__") {
                return try truthy(try callSpecial(method, container, [item]))
            }
            if let d = o as? PyDict {
                guard item.isHashable else { throw typeError("unhashable type: '\(item.typeName)'") }
                return d.get(item) != nil
            }
            if let r = o as? PyLongRange, let i = item.bigInteger { return r.contains(i) }
            if let b = o as? PyBytes {
                if let sub = item.byteValues { return Self.findBytes(b.bytes, sub) != nil }
                guard intValue(item) != nil else { throw typeError("a bytes-like object is required, not '\(item.typeName)'") }
                return b.bytes.contains(try byteValue(item))
            }
            if o is PyRange, item.isBigInteger { return false }
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
            if let view = o as? PyDictView { return try dictViewContains(view, item) }
            if o is PyList || o is PyTuple || o is PyRange {
                for v in try iterate(container, native: true) where try v.isIdentical(to: item) || equals(v, item) { return true }
                return false
            }
        default: break
        }
        if let r = try userContains(container, item) { return r }
        throw typeError("argument of type '\(container.typeName)' is not iterable")
    }

    // MARK: Iteration

    /// `iter(v)`: a `PyIterator`, or a generator (its own iterator).
    /// With `native`, a built-in container subclass's `__iter__` is not asked.
    package func makeIterator(_ v: Value, native: Bool = false) throws -> PyObject {
        switch v {
        case .str(let s): return PyIterator(.string(Array(s.unicodeScalars)))
        case .object(let o):
            if o.instancePart != nil, !native, userMethod(v, "__iter__") != nil, let it = try userIterator(v) { return it }
            // A lazy iterator type's subclass that defines `__next__` only: iterating it
            // calls that (slot_tp_iternext), inherited `__iter__` returning the instance.
            if o.instancePart != nil, !native, o is PyIterator, userMethod(v, "__next__") != nil { return PyIterator(.custom(v)) }
            if let l = o as? PyList { return PyIterator(.list(l)) }
            if let t = o as? PyTuple { return PyIterator(.values(t.items), type: BuiltinTypes.tupleIterator) }
            if let r = o as? PyRange { return PyIterator(.range(r)) }
            if let r = o as? PyLongRange {
                var next = r.start
                let iterator = PyIterator(.stepper { _ in
                    guard r.step > 0 ? next < r.stop : next > r.stop else { return nil }
                    defer { next += r.step }
                    return .integer(next)
                }, type: BuiltinTypes.longRangeIterator)
                iterator.remainingItems = { PyLongRange(start: next, stop: r.stop, step: r.step).length }
                return iterator
            }
            if let d = o as? PyDict { return PyIterator(.values(d.entries.map { $0.0 }), type: BuiltinTypes.dictKeyIterator) }
            if let it = o as? PyIterator { return it }
            if let gen = o as? PyGenerator, !gen.isAsync { return gen }
            if let items = nativeIterable(o) { return PyIterator(.values(items), type: PyIterator.iteratorType(of: o.pyClass)) }
        default: break
        }
        if let it = try userIterator(v) { return it }
        throw typeError("'\(v.typeName)' object is not iterable")
    }

    /// The items of any iterable, as an array.
    package func iterate(_ v: Value, native: Bool = false) throws -> [Value] {
        switch v {
        case .object(let o):
            // A subclass's `__iter__` is what `list(sub)` and `sorted(sub)` use.
            if o.instancePart != nil, !native, userMethod(v, "__iter__") != nil { break }
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
            // A range is listed whole: it must fit the memory budget first (and so must
            // what is left of an iterator over a long one: its length hint).
            if let r = o as? PyRange { try reserve(r.count, bytesEach: Self.valueBytes) }
            let remaining = (o as? PyLongRange)?.length ?? (o as? PyIterator)?.remainingItems?()
            if let remaining {
                guard let n = Int(exactly: remaining) else {
                    throw PythonError(makeException(BuiltinTypes.overflowError, "Python int too large to convert to C ssize_t"))
                }
                try reserve(n, bytesEach: Self.valueBytes)
            }
        default: break
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let next = try nextItem(it) { out.append(next) }
        return out
    }

    // MARK: Subscripts

    /// `PyNumber_Index`: an int (or bool) as it is, or what the `__index__` of a Python
    /// class returns; nil for anything else.
    package func pythonIndex(_ v: Value) throws -> Value? {
        if intValue(v) != nil || v.isBigInteger { return v }
        guard let method = userMethod(v, "__index__") else {
            // An int subclass's instance is the int it holds (`int.__index__`).
            if let plain = derivedValue(v), intValue(plain) != nil || plain.isBigInteger { return plain }
            return nil
        }
        let r = try callSpecial(method, v, [])
        guard intValue(r) != nil || r.isBigInteger else { throw typeError("__index__ returned non-int (type \(r.typeName))") }
        return r
    }

    package func index(_ key: Value, count: Int, _ what: String) throws -> Int {
        let key = isUserInstance(key) ? try pythonIndex(key) ?? key : key
        if key.isBigInteger {
            throw PythonError(makeException(BuiltinTypes.indexError, "cannot fit 'int' into an index-sized integer"))
        }
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
    package func sliceIndices(_ s: PySlice, count: Int) throws -> [Int] {
        let (start, stop, step) = try sliceBounds(s, count: count)
        return Array(stride(from: start, to: stop, by: step))
    }

    /// A slice's start, stop, step and item count for a sequence of `count` items.
    package func sliceRange(_ s: PySlice, count: Int) throws -> (Int, Int, Int, Int) {
        let (start, stop, step) = try sliceBounds(s, count: count)
        let length = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0)
        return (start, stop, step, length)
    }

    /// `PySlice_GetIndicesEx`'s start, stop and step for a sequence of `count` items.
    private func sliceBounds(_ s: PySlice, count: Int) throws -> (Int, Int, Int) {
        // Bounds are ints, None, or objects with `__index__` (`_PyEval_SliceIndex`).
        func bound(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if let i = intValue(v) { return i }
            guard let r = try pythonIndex(v) else {
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
            return intValue(r) ?? (r.bigInteger.map { $0.sign == .minus ? Int.min : Int.max })
        }
        let step = try bound(s.step) ?? 1
        guard step != 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "slice step cannot be zero")) }
        let lower = try bound(s.lower), upper = try bound(s.upper)
        func clamp(_ given: Int?, _ defaultValue: Int) -> Int {
            guard let i = given else { return defaultValue }
            var j = i < 0 ? i + count : i
            if step > 0 { j = min(max(j, 0), count) } else { j = min(max(j, -1), count - 1) }
            return j
        }
        let start = clamp(lower, step > 0 ? 0 : count - 1)
        let stop = clamp(upper, step > 0 ? count : -1)
        return (start, stop, step)
    }

    /// `obj[key]`; with `native`, a built-in container subclass's `__getitem__` is not
    /// asked (`dict.__getitem__(sub, k)`, which still calls `__missing__`).
    package func getItem(_ obj: Value, _ key: Value, native: Bool = false) throws -> Value {
        switch obj {
        case .str(let s):
            let chars = codePointIndex.view(s)
            if case .object(let k) = key, let slice = k as? PySlice {
                let (start, _, step, length) = try sliceRange(slice, count: chars.count)
                if step == 1 { return .str(chars.substring(start, start + length)) }
                return .str(chars.string(at: (0..<length).lazy.map { start + $0 * step }))
            }
            return .str(String(chars[try index(key, count: chars.count, "string")]))
        case .object(let o):
            if o.instancePart != nil, !native, let v = try userGetItem(obj, key) { return v }
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
                    // defaultdict.__missing__: the factory's value is stored and returned.
                    if case .defaultdict(let factory) = d.flavor, !factory.isNone {
                        let made = try callNow(factory, [])
                        d.set(key, made)
                        return made
                    }
                    // A subclass's `__missing__` (`dict_subscript` calls it for any dict
                    // that is not exactly a dict).
                    if let part = d.instancePart, let missing = part.cls.lookup("__missing__") {
                        return try callSpecial(missing, obj, [key])
                    }
                    // Counter.__missing__: a missing element counts 0 (and is not stored).
                    if case .counter = d.flavor { return .int(0) }
                    throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [key]))
                }
                return v
            }
            if let r = o as? PyRange {
                // `range(n)[::-1]`: a range of the selected items (range_subscript).
                if case .object(let k) = key, let slice = k as? PySlice, !r.lengthOverflows {
                    let (start, stop, step) = try sliceBounds(slice, count: r.count)
                    let (newStep, overflow) = r.step.multipliedReportingOverflow(by: step)
                    if !overflow { return .object(PyRange(start: r.item(start), stop: r.item(stop), step: newStep)) }
                }
                if r.lengthOverflows, case .int(let i) = key {
                    // Longer than an Int: index from the end in unsigned arithmetic.
                    guard let value = r.item(at: i) else { throw PythonError(makeException(BuiltinTypes.indexError, "range object index out of range")) }
                    return .int(value)
                }
                return .int(r.item(try index(key, count: r.count, "range object")))
            }
            if let d = o as? PyDeque { return d[try d.position(key, self)] }
            if let r = o as? PyLongRange { return try longRangeItem(r, key) }
            if let v = try o.nativeGetItem(key, self) { return v }
            // `Class[item]`: the class's `__class_getitem__` (PEP 560), as `list[int]` is.
            if let cls = o as? PyClass, let hook = cls.lookup("__class_getitem__") {
                return try callNow(try descriptorGet(hook, instance: nil, owner: cls), [key])
            }
            // `list[int]`, `dict[str, int]`: the built-in generic types' __class_getitem__
            // makes a types.GenericAlias.
            if let cls = o as? PyClass, BuiltinTypes.generics.contains(where: { $0 === cls }) {
                let types = try importModule("types")
                return try callNow(try getAttribute(.object(types), "GenericAlias"), [obj, key])
            }
        default: break
        }
        if let v = try userGetItem(obj, key) { return v }
        throw typeError("'\(obj.typeName)' object is not subscriptable")
    }

    package func storeSubscript(_ obj: Value, _ key: Value, _ value: Value, native: Bool = false) throws {
        if case .object(let o) = obj {
            if o.instancePart != nil, !native, try userSetItem(obj, key, value) { return }
            if let b = o as? PyBytes {
                guard b.isByteArray else { throw typeError("'bytes' object does not support item assignment") }
                return try byteArrayStore(b, key, value)
            }
            if let m = o as? PyMemoryView { return try memoryViewStore(m, key, value) }
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

    package func deleteSubscript(_ obj: Value, _ key: Value, native: Bool = false) throws {
        if case .object(let o) = obj {
            if o.instancePart != nil, !native, try userDeleteItem(obj, key) { return }
            if let b = o as? PyBytes {
                guard b.isByteArray else { throw typeError("'bytes' object doesn't support item deletion") }
                return try byteArrayStore(b, key, nil)
            }
            if let m = o as? PyMemoryView { return try memoryViewStore(m, key, nil) }
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

package typealias BinaryOperatorKind = ScenarioLanguage.BinaryOperator
package typealias UnaryOperatorKind = ScenarioLanguage.UnaryOperator
package typealias CompareOperatorKind = ScenarioLanguage.CompareOperator

import BigInt
import ScenarioLanguage
