/// `_sre`, which CPython writes in C (Modules/_sre/sre.c) for `Lib/re`: `compile`
/// makes a Pattern from the code `re._compiler` generated, and the helpers the compiler
/// asks (`getcodesize`, the case functions) and its constants.
package enum SREModule {
    package static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_sre")
        module.attributes["__name__"] = .str("_sre")
        module.attributes["MAGIC"] = .int(SREConstants.MAGIC)
        module.attributes["CODESIZE"] = .int(SREConstants.CODESIZE)
        module.attributes["MAXREPEAT"] = .int(Int(SREConstants.MAXREPEAT))
        module.attributes["MAXGROUPS"] = .int(SREConstants.MAXGROUPS)
        module.attributes["copyright"] = .str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")
        module.attributes["getcodesize"] = vm.nativeFunction("getcodesize", owner: nil, .noArguments) { _, _, _ in
            .int(SREConstants.CODESIZE)
        }
        /// The `character: int` of the case helpers.
        func character(_ name: String, _ v: Value, _ vm: Interpreter) throws -> UInt32 {
            guard case .int(let n) = v.asIntValue else {
                throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            // C's `int` cast to `unsigned int`.
            return UInt32(truncatingIfNeeded: n)
        }
        let helpers: [(String, (UInt32) -> Value)] = [
            ("ascii_iscased", { ch in .bool(ch < 128 && SRECharacters.isASCIIAlpha(ch)) }),
            ("unicode_iscased", { ch in
                .bool(ch != SRECharacters.sre_lower_unicode(ch) || ch != SRECharacters.sre_upper_unicode(ch))
            }),
            ("ascii_tolower", { ch in .int(Int(Int32(bitPattern: SRECharacters.sre_lower_ascii(ch)))) }),
            ("unicode_tolower", { ch in .int(Int(Int32(bitPattern: SRECharacters.sre_lower_unicode(ch)))) }),
        ]
        for (name, body) in helpers {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                body(try character(name, args[0], vm))
            }
        }
        let compileSignature = NativeSignature.clinic(
            positionalOnly: 0, positionalOrKeyword: ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], keywordOnly: [])
        module.attributes["compile"] = vm.nativeFunction("compile", owner: nil, compileSignature) { vm, args, _ in
            try compile(args, vm)
        }
        return module
    }

    /// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
    private static func compile(_ args: [Value], _ vm: Interpreter) throws -> Value {
        let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"]
        guard args.count == names.count else {
            throw vm.typeError("compile() missing required argument '\(names[args.count])' (pos \(args.count + 1))")
        }
        guard case .int(let flags) = args[1].asIntValue else {
            throw vm.typeError("'\(args[1].typeName)' object cannot be interpreted as an integer")
        }
        guard case .object(let codeObject) = args[2], let codeList = codeObject as? PyList else {
            throw vm.typeError("compile() argument 'code' must be list, not \(args[2].typeName)")
        }
        var code: [UInt32] = []
        code.reserveCapacity(codeList.items.count)
        for item in codeList.items {
            guard let index = try vm.pythonIndex(item) else {
                throw vm.typeError("'\(item.typeName)' object cannot be interpreted as an integer")
            }
            guard case .int(let word) = index.asIntValue, word >= 0, word <= Int(UInt32.max) else {
                throw PythonError(vm.makeException(BuiltinTypes.overflowError, "regular expression code size limit exceeded"))
            }
            code.append(UInt32(word))
        }
        guard case .int(let groups) = args[3].asIntValue, groups >= 0 else {
            throw vm.typeError("'\(args[3].typeName)' object cannot be interpreted as an integer")
        }
        guard case .object(let gi) = args[4], let groupindex = gi as? PyDict else {
            throw vm.typeError("compile() argument 'groupindex' must be dict, not \(args[4].typeName)")
        }
        guard case .object(let ig) = args[5], let indexgroup = ig as? PyTuple else {
            throw vm.typeError("compile() argument 'indexgroup' must be tuple, not \(args[5].typeName)")
        }
        // `getstring` of the pattern: a str, a bytes-like object, or None (either kind).
        var isBytes: Bool?
        if !args[0].isNone {
            if case .str = args[0] {
                isBytes = false
            } else if args[0].byteValues != nil {
                isBytes = true
            } else {
                throw vm.typeError("expected string or bytes-like object, got '\(args[0].typeName)'")
            }
        }
        return .object(SREPattern(pattern: args[0], isBytes: isBytes, flags: flags, code: code, groups: groups,
                                  groupindex: groupindex, indexgroup: indexgroup.items))
    }
}
