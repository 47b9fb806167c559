#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `math` functions over floats that `statistics`, `fractions` and `decimal` (and the
/// programs using them) call, as `Modules/mathmodule.c` computes them: C's libm where
/// CPython 3.11 calls it (`erf`, `expm1`, the hyperbolics, ...) with `math_1`'s error
/// rules, and CPython's own algorithms where it has them (`fsum`'s exact partials).
package enum MathFloats {
    package static func install(into module: PyModule, _ vm: Interpreter) {
        func number(_ vm: Interpreter, _ v: Value) throws -> Double {
            try vm.floatArgument(v) { "must be real number, not \($0.typeName)" }
        }
        func mathError(_ vm: Interpreter, _ type: PyClass, _ message: String) -> PythonError {
            PythonError(vm.makeException(type, message))
        }
        /// `math_1`: a NaN from a non-NaN is a domain error; an infinity from a finite
        /// argument is a range error where the function can overflow, else a domain error.
        func unary(_ name: String, canOverflow: Bool, _ f: @escaping (Double) -> Double) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                let x = try number(vm, args[0])
                let r = f(x)
                if r.isNaN && !x.isNaN { throw mathError(vm, BuiltinTypes.valueError, "math domain error") }
                if r.isInfinite && x.isFinite {
                    throw canOverflow ? mathError(vm, BuiltinTypes.overflowError, "math range error")
                                      : mathError(vm, BuiltinTypes.valueError, "math domain error")
                }
                return .float(r)
            }
        }
        unary("erf", canOverflow: false, erf)
        unary("erfc", canOverflow: false, erfc)
        unary("expm1", canOverflow: true, expm1)
        unary("log1p", canOverflow: false, log1p)
        unary("exp2", canOverflow: true, exp2)
        unary("cbrt", canOverflow: false, cbrt)
        unary("sinh", canOverflow: true, sinh)
        unary("cosh", canOverflow: true, cosh)
        unary("tanh", canOverflow: false, tanh)
        unary("asinh", canOverflow: false, asinh)
        unary("acosh", canOverflow: false, acosh)
        unary("atanh", canOverflow: false, atanh)
        // mathmodule.c's degToRad / radToDeg constants.
        module.attributes["degrees"] = vm.nativeFunction("degrees", owner: nil, .oneArgument) { vm, args, _ in
            .float(try number(vm, args[0]) * (180.0 / Double.pi))
        }
        module.attributes["radians"] = vm.nativeFunction("radians", owner: nil, .oneArgument) { vm, args, _ in
            .float(try number(vm, args[0]) * (Double.pi / 180.0))
        }
        module.attributes["copysign"] = vm.nativeFunction("copysign", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            .float(copysign(try number(vm, args[0]), try number(vm, args[1])))
        }
        module.attributes["fmod"] = vm.nativeFunction("fmod", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let x = try number(vm, args[0]), y = try number(vm, args[1])
            // fmod(x, inf) is x for finite x; fmod(inf, y) and fmod(x, 0) are domain errors.
            if y.isInfinite && x.isFinite { return .float(x) }
            let r = fmod(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw mathError(vm, BuiltinTypes.valueError, "math domain error") }
            return .float(r)
        }
        module.attributes["remainder"] = vm.nativeFunction("remainder", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let x = try number(vm, args[0]), y = try number(vm, args[1])
            if x.isNaN || y.isNaN { return .float(.nan) }
            if x.isInfinite || y == 0 { throw mathError(vm, BuiltinTypes.valueError, "math domain error") }
            return .float(y.isInfinite ? x : remainder(x, y))
        }
        module.attributes["modf"] = vm.nativeFunction("modf", owner: nil, .oneArgument) { vm, args, _ in
            let x = try number(vm, args[0])
            if x.isInfinite { return .object(PyTuple([.float(copysign(0, x)), .float(x)])) }
            var whole = 0.0
            let fraction = modf(x, &whole)
            return .object(PyTuple([.float(fraction), .float(whole)]))
        }
        module.attributes["frexp"] = vm.nativeFunction("frexp", owner: nil, .oneArgument) { vm, args, _ in
            let x = try number(vm, args[0])
            if x.isNaN || x.isInfinite || x == 0 { return .object(PyTuple([.float(x), .int(0)])) }
            var e: Int32 = 0
            let m = frexp(x, &e)
            return .object(PyTuple([.float(m), .int(Int(e))]))
        }
        module.attributes["ldexp"] = vm.nativeFunction("ldexp", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let x = try number(vm, args[0])
            guard let e = args[1].bigInteger else {
                throw vm.typeError("Expected an int as second argument to ldexp.")
            }
            if x == 0 || !x.isFinite { return .float(x) }
            // An exponent past any double's range is clamped: the result over- or underflows all the same.
            let clamped = Int32(clamping: max(min(e, 100_000), -100_000))
            let r = scalbn(x, clamped)
            if r.isInfinite { throw mathError(vm, BuiltinTypes.overflowError, "math range error") }
            return .float(r)
        }
        module.attributes["ulp"] = vm.nativeFunction("ulp", owner: nil, .oneArgument) { vm, args, _ in
            let x = try number(vm, args[0])
            if x.isNaN { return .float(x) }
            let a = abs(x)
            if a.isInfinite { return .float(a) }
            let next = a.nextUp
            if next.isInfinite { return .float(a - a.nextDown) }
            return .float(next - a)
        }
        module.attributes["nextafter"] = vm.nativeFunction("nextafter", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            .float(nextafter(try number(vm, args[0]), try number(vm, args[1])))
        }
        module.attributes["isclose"] = vm.nativeFunction("isclose", owner: nil,
                                                         .clinic(positionalOnly: 2, positionalOrKeyword: [], keywordOnly: ["rel_tol", "abs_tol"])) { vm, args, kwargs in
            let a = try number(vm, args[0]), b = try number(vm, args[1])
            var relTol = 1e-09, absTol = 0.0
            for (key, value) in kwargs {
                if key == "rel_tol" { relTol = try number(vm, value) } else { absTol = try number(vm, value) }
            }
            if relTol < 0 || absTol < 0 { throw mathError(vm, BuiltinTypes.valueError, "tolerances must be non-negative") }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = abs(b - a)
            return .bool((diff <= abs(relTol * b)) || (diff <= abs(relTol * a)) || (diff <= absTol))
        }
        module.attributes["prod"] = vm.nativeFunction("prod", owner: nil,
                                                      .clinic(positionalOnly: 1, positionalOrKeyword: [], keywordOnly: ["start"])) { vm, args, kwargs in
            var result = kwargs.first?.1 ?? .int(1)
            for item in try vm.iterate(args[0]) { result = try vm.binaryOperation(.mul, result, item) }
            return result
        }
        module.attributes["fsum"] = vm.nativeFunction("fsum", owner: nil, .oneArgument) { vm, args, _ in
            var values: [Double] = []
            for item in try vm.iterate(args[0]) { values.append(try number(vm, item)) }
            switch fsum(values) {
            case .success(let sum): return .float(sum)
            case .failure(let failure): throw mathError(vm, failure.type, failure.message)
            }
        }
    }

    package struct FsumFailure: Error {
        let type: PyClass
        let message: String
    }

    /// `math_fsum`: Shewchuk's exact partial sums, then the sum of the partials rounded once
    /// (with CPython's half-even fix-up across partials).
    package static func fsum(_ values: [Double]) -> Result<Double, FsumFailure> {
        var partials: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        for value in values {
            var x = value
            var i = 0
            for j in 0..<partials.count {
                var y = partials[j]
                if abs(x) < abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 {
                    partials[i] = lo
                    i += 1
                }
                x = hi
            }
            partials.removeSubrange(i...)
            if x != 0 {
                if !x.isFinite {
                    // From an intermediate overflow, or from an inf or nan among the values.
                    if value.isFinite {
                        return .failure(FsumFailure(type: BuiltinTypes.overflowError, message: "intermediate overflow in fsum"))
                    }
                    if value.isInfinite { infSum += value }
                    specialSum += value
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
        }
        if specialSum != 0 {
            if infSum.isNaN { return .failure(FsumFailure(type: BuiltinTypes.valueError, message: "-inf + inf in fsum")) }
            return .success(specialSum)
        }
        guard var n = partials.indices.last else { return .success(0) }
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            let yr = x - hi
            if y == yr { hi = x }
        }
        return .success(hi)
    }
}
