#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `cmath` module: CMath's functions on `PyComplex_AsCComplex` arguments, with
/// `cmathmodule.c`'s errors ("math domain error", "math range error").
enum CMathModule {
    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "cmath")
        module.attributes["__name__"] = .str("cmath")
        module.attributes["pi"] = .float(Double.pi)
        module.attributes["e"] = .float(M_E)
        module.attributes["tau"] = .float(2 * Double.pi)
        module.attributes["inf"] = .float(.infinity)
        module.attributes["infj"] = .object(PyComplex(0, .infinity))
        module.attributes["nan"] = .float(.nan)
        module.attributes["nanj"] = .object(PyComplex(0, .nan))

        func result(_ vm: Interpreter, _ r: CMath.Result) throws -> Value {
            switch r.failure {
            case .domain?: throw PythonError(vm.makeException(BuiltinTypes.valueError, "math domain error"))
            case .range?: throw PythonError(vm.makeException(BuiltinTypes.overflowError, "math range error"))
            case nil: return .object(PyComplex(r.value))
            }
        }
        let functions: [(String, (ComplexValue) -> CMath.Result)] = [
            ("acos", CMath.acos), ("acosh", CMath.acosh), ("asin", CMath.asin), ("asinh", CMath.asinh),
            ("atan", CMath.atan), ("atanh", CMath.atanh), ("cos", CMath.cos), ("cosh", CMath.cosh),
            ("exp", CMath.exp), ("log10", CMath.log10), ("sin", CMath.sin), ("sinh", CMath.sinh),
            ("sqrt", CMath.sqrt), ("tan", CMath.tan), ("tanh", CMath.tanh),
        ]
        for (name, f) in functions {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                try result(vm, f(try vm.complexArgument(args[0])))
            }
        }
        module.attributes["log"] = vm.nativeFunction("log", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            let z = try vm.complexArgument(args[0])
            guard args.count == 2 else { return try result(vm, CMath.log(z)) }
            return try result(vm, CMath.log(z, base: try vm.complexArgument(args[1])))
        }
        module.attributes["phase"] = vm.nativeFunction("phase", owner: nil, .oneArgument) { vm, args, _ in
            let z = try vm.complexArgument(args[0])
            return .float(atan2(z.imag, z.real))
        }
        module.attributes["polar"] = vm.nativeFunction("polar", owner: nil, .oneArgument) { vm, args, _ in
            let z = try vm.complexArgument(args[0])
            let phi = atan2(z.imag, z.real)
            let r: Double
            do { r = try PyComplexArithmetic.abs(z) } catch {
                throw PythonError(vm.makeException(BuiltinTypes.overflowError, "math range error"))
            }
            return .object(PyTuple([.float(r), .float(phi)]))
        }
        module.attributes["rect"] = vm.nativeFunction("rect", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let real = { (v: Value) in try vm.floatArgument(v) { "must be real number, not \($0.typeName)" } }
            return try result(vm, CMath.rect(try real(args[0]), try real(args[1])))
        }
        let tests: [(String, (ComplexValue) -> Bool)] = [
            ("isfinite", { $0.real.isFinite && $0.imag.isFinite }),
            ("isinf", { $0.real.isInfinite || $0.imag.isInfinite }),
            ("isnan", { $0.real.isNaN || $0.imag.isNaN }),
        ]
        for (name, test) in tests {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                .bool(test(try vm.complexArgument(args[0])))
            }
        }
        module.attributes["isclose"] = vm.nativeFunction("isclose", owner: nil,
                                                         .clinic(positionalOnly: 2, positionalOrKeyword: [], keywordOnly: ["rel_tol", "abs_tol"])) { vm, args, kwargs in
            let a = try vm.complexArgument(args[0]), b = try vm.complexArgument(args[1])
            var relTol = 1e-09, absTol = 0.0
            for (key, value) in kwargs {
                let d = try vm.floatArgument(value) { "must be real number, not \($0.typeName)" }
                if key == "rel_tol" { relTol = d } else { absTol = d }
            }
            if relTol < 0 || absTol < 0 {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "tolerances must be non-negative"))
            }
            return .bool(CMath.isClose(a, b, relTol: relTol, absTol: absTol))
        }
        return module
    }
}
