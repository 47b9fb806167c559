/// The protocol methods a native type's `__dict__` shows beyond its subclassable slots
/// (BuiltinSubclasses.swift): CPython's types list every slot they fill, and
/// `_collections_abc`'s `__subclasshook__`s find a protocol by walking `C.__mro__` for
/// the method in `B.__dict__` (`_check_methods`). So `object` shows `__hash__` (every
/// class is `Hashable` unless it sets `__hash__ = None`), the callables' types
/// `__call__`, the iterators' types `__iter__` and `__next__` (and `__length_hint__`
/// where they count what is left), and dict and its views
/// `__reversed__`.
extension Interpreter {
    package func nativeTypeProtocolSlots(_ cls: PyClass) -> [(String, Value)] {
        guard !cls.isMutable else { return [] }
        var names: [String] = []
        if cls === BuiltinTypes.object {
            names = ["__new__", "__init__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__",
                     "__gt__", "__ge__", "__format__", "__subclasshook__", "__init_subclass__"]
        } else if cls === BuiltinTypes.type || cls === BuiltinTypes.function || cls === BuiltinTypes.builtinFunction
                    || cls === BuiltinTypes.method || cls === BuiltinTypes.methodDescriptor {
            names = ["__call__"]
        } else if BuiltinTypes.iteratorTypes.contains(where: { $0 === cls }) {
            var slots = ["__iter__", "__next__"].compactMap { name in PyIterator.methods[name].map { (name, Value.object($0)) } }
            if PyIterator.lengthHintTypes.contains(where: { $0 === cls }) {
                slots.append(("__length_hint__", .object(PyIterator.lengthHint)))
            }
            return slots
        } else if cls.isNativeAwaitable {
            let awaitSlot = PyBuiltin.method("__await__", of: PyObject.self, owner: cls.name) { receiver, vm, _, _ in
                vm.awaitMethod(.object(receiver))
            }
            return [("__await__", .object(awaitSlot))]
        } else if cls === BuiltinTypes.dict || cls === BuiltinTypes.dictKeys || cls === BuiltinTypes.dictValues
                    || cls === BuiltinTypes.dictItems {
            let reversed = PyBuiltin.method("__reversed__", of: PyObject.self, owner: cls.name) { receiver, vm, _, _ in
                try vm.reversedIterator(.object(receiver))
            }
            var slots: [(String, Value)] = [("__reversed__", .object(reversed))]
            guard cls !== BuiltinTypes.dict else { return slots }
            // The views' own `__iter__`; keys and items views are set-like, so
            // unhashable, as a class defining `__eq__` without `__hash__` is.
            let iter = PyBuiltin.method("__iter__", of: PyObject.self, owner: cls.name) { receiver, vm, _, _ in
                .object(try vm.makeIterator(.object(receiver)))
            }
            slots.append(("__iter__", .object(iter)))
            if cls !== BuiltinTypes.dictValues { slots.append(("__hash__", .none)) }
            return slots
        }
        return names.compactMap { name in (try? getAttribute(.object(cls), name)).map { (name, $0) } }
    }
}
