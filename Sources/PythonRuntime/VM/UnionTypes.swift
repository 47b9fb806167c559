/// PEP 604 unions (`int | None`): `type.__or__` / `__ror__` (typeobject.c's type_or) make a
/// `types.UnionType`, and isinstance()/issubclass() take one as the tuple of its
/// `__args__` (Objects/abstract.c). The union type itself is written in Python, as
/// CPython's Objects/unionobject.c in Lib/types.py (`UnionType`, `_union_type_or`).
extension Interpreter {
    /// `_Py_union_type_or(a, b)`, which returns NotImplemented unless both operands are
    /// classes, None, GenericAliases or unions.
    package func unionTypeOr(_ a: Value, _ b: Value) throws -> Value {
        let types = try importModule("types")
        return try callNow(try getAttribute(.object(types), "_union_type_or"), [a, b])
    }

    /// `a | b` by `type`'s own nb_or: binary_op1 asks it for an operand that is a class
    /// whose metaclass does not override the method (a metaclass's `__or__`/`__ror__`
    /// written in Python was asked before, by `binaryDunder`). Nil when neither is such a
    /// class or the union refuses the other operand.
    package func typeOr(_ a: Value, _ b: Value) throws -> Value? {
        func inheritsTypeSlot(_ v: Value, _ name: String) -> Bool {
            guard case .object(let o) = v, let cls = o as? PyClass else { return false }
            return cls.metaclass?.lookup(name) == nil
        }
        guard inheritsTypeSlot(a, "__or__") || inheritsTypeSlot(b, "__ror__") else { return nil }
        let v = try unionTypeOr(a, b)
        return v.isNotImplemented ? nil : v
    }

    /// The `__args__` of `v` when it is a `types.UnionType` (`_PyUnion_Check`); the
    /// class can only exist once Lib/types.py has run.
    package func unionArgs(_ v: PyObject) -> Value? {
        guard let inst = v as? PyInstance, let types = modules["types"],
              case .object(let u)? = types.attributes["UnionType"], let unionType = u as? PyClass,
              inst.cls.isSubclass(of: unionType) else { return nil }
        return inst.attributes["__args__"]
    }
}
