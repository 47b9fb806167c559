/// `str.upper`, `list.append`, `int.bit_length`: a method of a built-in type read from the
/// type itself is CPython's method descriptor, a function whose first argument is the
/// receiver (`map(str.upper, words)`, `sorted(names, key=str.lower)`). loopscope's native
/// values find their methods per value, so the descriptor is made on demand: the method
/// exists when an empty value of the type has it, and a call reads it from its receiver.
extension Interpreter {
    /// The built-in types whose methods read from the type are descriptors, each with a
    /// way to make an empty value of it (to learn which names are methods).
    private func emptyValue(of cls: PyClass) -> Value? {
        if cls === BuiltinTypes.bool { return .bool(false) }
        if cls === BuiltinTypes.bytes || cls === BuiltinTypes.bytearray {
            return .object(PyBytes([], byteArray: cls === BuiltinTypes.bytearray))
        }
        guard Self.subclassableTypes.contains(ObjectIdentifier(cls)) else { return nil }
        return sampleValue(cls)
    }

    /// `cls.name` as a method descriptor, or nil when `cls` is not a built-in value type
    /// or its values have no method `name`.
    package func methodDescriptor(_ cls: PyClass, _ name: String) -> Value? {
        if cls === BuiltinTypes.str { return strMethodDescriptor(name) }
        guard let empty = emptyValue(of: cls), let method = try? getAttribute(empty, name) else { return nil }
        switch method.asObject {
        case is PyBuiltin, is PyBoundMethod: break
        default: return nil
        }
        let descriptor = PyBuiltin(name) { vm, args, kwargs in
            guard let receiver = args.first else {
                throw vm.typeError("unbound method \(cls.name).\(name)() needs an argument")
            }
            guard vm.classOf(receiver).isSubclass(of: cls) else {
                throw vm.typeError("descriptor '\(name)' for '\(cls.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            // The type's own method, not an override in the receiver's class
            // (`list.append(self, x)` inside a subclass's `append`).
            guard let method = vm.builtinMethod(receiver, name) else {
                throw vm.attributeError("'\(cls.name)' object has no attribute '\(name)'")
            }
            return try vm.callNow(method, Array(args.dropFirst()), kwargs)
        }
        descriptor.descriptorOf = cls.name
        return .object(descriptor)
    }
}
