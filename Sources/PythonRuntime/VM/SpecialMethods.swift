import ScenarioLanguage

/// The special methods of classes made by `class` statements, where the VM and the
/// builtins consult them: operators with CPython's reflected and in-place fallbacks
/// (`binary_op1`, `do_richcompare` in Objects/abstract.c and object.c), truth, length,
/// iteration, containment, subscripts, calls, `str`/`repr`/`format` and hashing.
/// Built-in values never reach these paths: their behaviour stays native and fast.
extension Interpreter {
    /// The special method `name` a Python class of `v` defines (nil for every value
    /// whose type is built in, so the native behaviour applies).
    /// A class whose metaclass is a Python class answers with the metaclass's methods.
    @inline(__always)
    package func userMethod(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        if let inst = o as? PyInstance { return inst.cls.isMutable ? inst.cls.lookup(name) : nil }
        // A built-in container subclass's instance: what its class defines (the built-in
        // type's own methods are not in its `dict`, so they stay native).
        if let part = o.instancePart { return part.cls.lookup(name) }
        if let cls = o as? PyClass, let meta = cls.metaclass { return meta.lookup(name) }
        return nil
    }

    /// Calls special method `method` found on the class of `receiver`.
    package func callSpecial(_ method: Value, _ receiver: Value, _ args: [Value]) throws -> Value {
        if case .object(let o) = method, o is PyFunction { return try callNow(method, [receiver] + args) }
        let bound = try descriptorGet(method, instance: receiver, owner: classOf(receiver))
        return try callNow(bound, args)
    }

    // MARK: Operators

    package static func dunder(_ op: BinaryOperatorKind) -> String {
        switch op {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "truediv"
        case .floorDiv: return "floordiv"
        case .mod: return "mod"
        case .pow: return "pow"
        case .matMul: return "matmul"
        case .lshift: return "lshift"
        case .rshift: return "rshift"
        case .bitAnd: return "and"
        case .bitOr: return "or"
        case .bitXor: return "xor"
        }
    }

    /// `a op b` through `__op__` / `__rop__`; nil when neither operand's class has them
    /// or both return NotImplemented. The right operand goes first when its class is a
    /// subclass of the left's that overrides the reflected method: one it merely inherits
    /// does not (typeobject.c's method_is_overloaded, which SLOT1BINFULL asks).
    package func binaryDunder(_ op: BinaryOperatorKind, _ a: Value, _ b: Value) throws -> Value? {
        let name = Self.dunder(op)
        let left = userMethod(a, "__\(name)__")
        let leftClass = classOf(a), rightClass = classOf(b)
        let right = leftClass === rightClass ? nil : userMethod(b, "__r\(name)__")
        guard left != nil || right != nil else { return nil }
        var rightTried = false
        if let right, rightClass.isSubclass(of: leftClass),
           !(leftClass.lookup("__r\(name)__").map { $0.isIdentical(to: right) } ?? false) {
            rightTried = true
            let v = try callSpecial(right, b, [a])
            if !v.isNotImplemented { return v }
        }
        if let left {
            let v = try callSpecial(left, a, [b])
            if !v.isNotImplemented { return v }
        }
        if let right, !rightTried {
            let v = try callSpecial(right, b, [a])
            if !v.isNotImplemented { return v }
        }
        return nil
    }

    /// `a op= b` (INPLACE_*): `__iop__`, then as `a op b`. Lists extend in place.
    /// With `native`, a built-in container subclass's own `__iop__` is not asked (the
    /// built-in type's slot, `list.__iadd__(sub, x)`).
    package func inplaceOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, native: Bool = false) throws -> Value {
        if case .object(let o) = a {
            if o.instancePart != nil, !native, let method = userMethod(a, "__i\(Self.dunder(op))__") {
                let v = try callSpecial(method, a, [b])
                if !v.isNotImplemented { return v }
            }
            if op == .add, let list = o as? PyList {
                list.items.append(contentsOf: try iterate(b))
                return a
            }
            if o is PySet, let result = try setOperation(op, a, b, inPlace: true) { return result }
            if let d = o as? PyDict, !d.isCounter, let result = try dictMerge(op, a, b, inPlace: true) { return result }
            if let method = userMethod(a, "__i\(Self.dunder(op))__") {
                let v = try callSpecial(method, a, [b])
                if !v.isNotImplemented { return v }
            }
        }
        return try binaryOperation(op, a, b, inplace: true)
    }

    /// `-x`, `+x`, `~x` through `__neg__`, `__pos__`, `__invert__`.
    package func unaryDunder(_ op: UnaryOperatorKind, _ a: Value) throws -> Value? {
        let name: String
        switch op {
        case .neg: name = "__neg__"
        case .pos: name = "__pos__"
        case .invert: name = "__invert__"
        case .not: return nil
        }
        guard let method = userMethod(a, name) else {
            // An int or float subclass's instance without its own: the value's.
            if let plain = derivedValue(a) { return try unaryOperation(op, plain) }
            return nil
        }
        return try callSpecial(method, a, [])
    }

    // MARK: Comparisons

    /// Whether `v`'s class is a Python class: an instance of one, or a class made by a
    /// metaclass written in Python.
    @inline(__always)
    package func isUserInstance(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if let inst = o as? PyInstance { return inst.cls.isMutable }
        if o.instancePart != nil { return true }
        return (o as? PyClass)?.metaclass != nil
    }

    /// COMPARE_OP: the comparison's value, which a special method may make anything.
    package func compareValue(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .eq, .notEq, .lt, .ltE, .gt, .gtE:
            guard isUserInstance(a) || isUserInstance(b) else { return .bool(try compare(op, a, b)) }
            let v = try richCompare(op, a, b, reflected: true)
            if !v.isNotImplemented { return v }
            switch op {
            case .eq: return .bool(a.isIdentical(to: b))
            case .notEq: return .bool(!a.isIdentical(to: b))
            default: return .bool(try compare(op, a, b))
            }
        default:
            return .bool(try compare(op, a, b))
        }
    }

    private static func reflection(_ op: CompareOperatorKind) -> CompareOperatorKind {
        switch op {
        case .lt: return .gt
        case .gt: return .lt
        case .ltE: return .gtE
        case .gtE: return .ltE
        default: return op
        }
    }

    private static func dunder(_ op: CompareOperatorKind) -> String {
        switch op {
        case .eq: return "__eq__"
        case .notEq: return "__ne__"
        case .lt: return "__lt__"
        case .ltE: return "__le__"
        case .gt: return "__gt__"
        default: return "__ge__"
        }
    }

    /// What `v`'s class answers for `v op other`: its own method, or for `!=` the
    /// inverse of its `__eq__` (object.__ne__); nil when it has neither.
    private func compareMethod(_ v: Value, _ op: CompareOperatorKind) -> ((Value) throws -> Value)? {
        if let method = userMethod(v, Self.dunder(op)) {
            return { other in try self.callSpecial(method, v, [other]) }
        }
        if op == .notEq, let eq = userMethod(v, "__eq__") {
            return { other in
                let r = try self.callSpecial(eq, v, [other])
                return r.isNotImplemented ? r : .bool(!(try self.truthy(r)))
            }
        }
        // An instance of a class deriving from a built-in type, or a plain built-in value
        // compared with one: the built-in type's comparison (`str.__eq__('a', S('a'))`
        // decides when S's `__eq__` returned NotImplemented), NotImplemented for kinds
        // it does not compare.
        if classOf(v).valueBase != nil || !isUserInstance(v) {
            return { other in try self.builtinRichCompare(op, v, other) }
        }
        return nil
    }

    /// `do_richcompare` without its final fallback: NotImplemented when no method
    /// decided. With `reflected`, the other operand's reflected method is tried too.
    package func richCompare(_ op: CompareOperatorKind, _ a: Value, _ b: Value, reflected: Bool) throws -> Value {
        let leftClass = classOf(a), rightClass = classOf(b)
        let swapped = Self.reflection(op)
        let right = reflected ? compareMethod(b, swapped) : nil
        var rightTried = false
        if let right, leftClass !== rightClass, rightClass.isSubclass(of: leftClass) {
            rightTried = true
            let v = try right(a)
            if !v.isNotImplemented { return v }
        }
        if let left = compareMethod(a, op) {
            let v = try left(b)
            if !v.isNotImplemented { return v }
        }
        if let right, !rightTried {
            let v = try right(a)
            if !v.isNotImplemented { return v }
        }
        return .notImplemented
    }

    /// `a == b` as a truth value when either is an instance of a Python class (what
    /// `list.index`, `in` and dict lookups use): identity first, as
    /// `PyObject_RichCompareBool`.
    package func userEquals(_ a: Value, _ b: Value) throws -> Bool {
        if a.isIdentical(to: b) { return true }
        let v = try richCompare(.eq, a, b, reflected: true)
        return v.isNotImplemented ? false : try truthy(v)
    }

    /// `a < b` (and the others) when a Python class's method decides it; nil otherwise.
    package func userOrdered(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool? {
        guard isUserInstance(a) || isUserInstance(b) else { return nil }
        let v = try richCompare(op, a, b, reflected: true)
        return v.isNotImplemented ? nil : try truthy(v)
    }

    // MARK: Truth, length, containment

    /// `bool(x)` for an instance: `__bool__`, else `__len__`, else true.
    package func userTruth(_ v: Value) throws -> Bool? {
        if let method = userMethod(v, "__bool__") {
            let r = try callSpecial(method, v, [])
            guard case .bool(let b) = r else {
                throw typeError("__bool__ should return bool, returned \(r.typeName)")
            }
            return b
        }
        if let n = try userLength(v) { return n != 0 }
        if let plain = derivedValue(v) { return try truthy(plain) }
        return nil
    }

    /// `len(x)` through `__len__`.
    package func userLength(_ v: Value) throws -> Int? {
        guard let method = userMethod(v, "__len__") else {
            if let plain = derivedValue(v), case .str(let s) = plain { return codePointIndex.count(s) }
            return nil
        }
        let r = try callSpecial(method, v, [])
        let n: Int
        switch r {
        case .int(let i): n = i
        case .bool(let b): n = b ? 1 : 0
        default: throw typeError("'\(r.typeName)' object cannot be interpreted as an integer")
        }
        guard n >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "__len__() should return >= 0")) }
        return n
    }

    /// `item in x` through `__contains__`, else by iterating (`__iter__` or `__getitem__`).
    package func userContains(_ container: Value, _ item: Value) throws -> Bool? {
        guard isUserInstance(container) else { return nil }
        if let plain = derivedValue(container), userMethod(container, "__contains__") == nil {
            return try contains(plain, item)
        }
        if let method = userMethod(container, "__contains__") {
            return try truthy(try callSpecial(method, container, [item]))
        }
        guard userMethod(container, "__iter__") != nil || userMethod(container, "__getitem__") != nil else { return nil }
        let it = try makeIterator(container)
        while let v = try nextItem(it) {
            if try v.isIdentical(to: item) || equals(v, item) { return true }
        }
        return false
    }

    // MARK: Iteration

    /// `iter(x)` for an instance: `__iter__` (whose result must have `__next__`), else
    /// the sequence protocol over `__getitem__`.
    package func userIterator(_ v: Value) throws -> PyObject? {
        guard isUserInstance(v) else { return nil }
        if let method = userMethod(v, "__iter__") {
            if case .none = method { return nil }
            let it = try callSpecial(method, v, [])
            if case .object(let o) = it, let native = o as? PyIterator { return native }
            // `def __iter__(self): yield ...`: a generator is its own iterator.
            if case .object(let o) = it, let gen = o as? PyGenerator, !gen.isAsync { return gen }
            guard userMethod(it, "__next__") != nil else {
                throw typeError("iter() returned non-iterator of type '\(it.typeName)'")
            }
            return PyIterator(.custom(it))
        }
        if let plain = derivedValue(v) { return try makeIterator(plain) }
        if userMethod(v, "__getitem__") != nil { return PyIterator(.sequence(v)) }
        return nil
    }

    /// One step of a Python iterator: `__next__`, with StopIteration meaning the end.
    package func userNext(_ iterator: Value) throws -> Value? {
        guard let method = userMethod(iterator, "__next__") else {
            throw typeError("'\(iterator.typeName)' object is not an iterator")
        }
        return try nilOn(BuiltinTypes.stopIteration) { try callSpecial(method, iterator, []) }
    }

    /// Item `index` of the old sequence protocol; nil at IndexError (the end).
    package func sequenceItem(_ v: Value, _ index: Int) throws -> Value? {
        try nilOn(BuiltinTypes.indexError) { try getItem(v, .int(index)) }
    }

    /// What `body` returns, or nil where it raises `exception` (or a subclass): the
    /// protocols that end or fall back on an exception (StopIteration, IndexError,
    /// AttributeError, KeyError, LookupError).
    package func nilOn<T>(_ exception: PyClass, _ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let e as PythonError where e.exception.isInstance(of: exception) {
            return nil
        }
    }

    // MARK: Subscripts and calls

    package func userGetItem(_ obj: Value, _ key: Value) throws -> Value? {
        guard let method = userMethod(obj, "__getitem__") else {
            if let plain = derivedValue(obj) { return try getItem(plain, key) }
            return nil
        }
        return try callSpecial(method, obj, [key])
    }

    package func userSetItem(_ obj: Value, _ key: Value, _ value: Value) throws -> Bool {
        guard let method = userMethod(obj, "__setitem__") else { return false }
        try callSpecial(method, obj, [key, value])
        return true
    }

    package func userDeleteItem(_ obj: Value, _ key: Value) throws -> Bool {
        guard let method = userMethod(obj, "__delitem__") else { return false }
        try callSpecial(method, obj, [key])
        return true
    }

    /// `obj(...)` through `__call__`: the call the caller should make instead.
    package func userCallTarget(_ obj: Value) throws -> Value? {
        guard let method = userMethod(obj, "__call__") else { return nil }
        return try descriptorGet(method, instance: obj, owner: classOf(obj))
    }

    // MARK: Text

    /// `str(x)` through `__str__`.
    package func userStr(_ v: Value) throws -> String? {
        guard let method = userMethod(v, "__str__") else {
            // `str.__str__` gives a str subclass's value; an int's or float's `str` is its
            // `repr` (which the class may define).
            if case .str(let s)? = derivedValue(v) { return s }
            return nil
        }
        let r = try callSpecial(method, v, [])
        guard case .str(let s) = r else { throw typeError("__str__ returned non-string (type \(r.typeName))") }
        return s
    }

    /// `repr(x)` through `__repr__`.
    package func userRepr(_ v: Value) throws -> String? {
        guard let method = userMethod(v, "__repr__") else {
            if let plain = derivedValue(v) { return try repr(plain) }
            return nil
        }
        let r = try callSpecial(method, v, [])
        guard case .str(let s) = r else { throw typeError("__repr__ returned non-string (type \(r.typeName))") }
        return s
    }

    /// `format(x, spec)` through `__format__`.
    package func userFormat(_ v: Value, _ spec: String) throws -> String? {
        guard let method = userMethod(v, "__format__") else {
            // `int.__format__` and the others: an empty spec is `str(self)`.
            if let plain = derivedValue(v), !spec.isEmpty { return try format(plain, spec) }
            return nil
        }
        let r = try callSpecial(method, v, [.str(spec)])
        guard case .str(let s) = r else { throw typeError("__format__ must return a str, not \(r.typeName)") }
        return s
    }

    /// CPython's default repr: `<__main__.Foo object at 0x7f5e2c3b1d90>`.
    package func objectRepr(_ o: PyObject) -> String {
        let cls = o.pyClass
        let name = cls.module == "builtins" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        return "<\(name) object at \(address(of: o))>"
    }

    /// `id(x)` and the address in default reprs: where the object lives, so it stays the
    /// same for the object's life and differs between live objects, as CPython's.
    package func identity(_ o: PyObject) -> Int {
        Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o)))
    }

    /// `object.__hash__`: CPython rotates the address right by 4 bits.
    package func identityHash(_ o: PyObject) -> Int {
        let a = UInt(bitPattern: identity(o))
        return Int(bitPattern: (a >> 4) | (a << 60))
    }
}
