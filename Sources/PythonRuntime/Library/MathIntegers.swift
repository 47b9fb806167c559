import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `math` functions over ints of any size (`Modules/mathmodule.c`): `gcd`, `lcm`,
/// `factorial`, `isqrt`, `comb`, `perm`, `floor`/`ceil`/`trunc` of floats past 64 bits,
/// and the logarithms of ints too large for a float.
package enum MathIntegers {
    package static func install(into module: PyModule, _ vm: Interpreter) {
        func integer(_ vm: Interpreter, _ v: Value) throws -> BigInt {
            guard let i = v.bigInteger else { throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
            return i
        }
        func valueError(_ vm: Interpreter, _ message: String) -> PythonError {
            PythonError(vm.makeException(BuiltinTypes.valueError, message))
        }
        func variadic(_ name: String, _ initial: BigInt, _ combine: @escaping (BigInt, BigInt) -> BigInt) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 0, max: Int.max)) { vm, args, _ in
                var result = initial
                for v in args { result = combine(result, try integer(vm, v)) }
                return .integer(result)
            }
        }
        variadic("gcd", 0) { BigInt(LehmerGCD.gcd($0.magnitude, $1.magnitude)) }
        variadic("lcm", 1) { a, b in
            if a.isZero || b.isZero { return 0 }
            return BigInt((a.magnitude / LehmerGCD.gcd(a.magnitude, b.magnitude)) * b.magnitude)
        }
        /// The product lo * (lo+1) * ... * hi, by halves so the big multiplications balance.
        func product(_ lo: Int, _ hi: Int) -> BigInt {
            if lo > hi { return 1 }
            if hi - lo < 8 { return (lo...hi).reduce(BigInt(1)) { $0 * BigInt($1) } }
            let mid = (lo + hi) / 2
            return product(lo, mid) * product(mid + 1, hi)
        }
        /// A count CPython takes as a C long; past that, its OverflowError.
        func count(_ vm: Interpreter, _ v: BigInt, _ what: String) throws -> Int {
            guard let n = Int(exactly: v) else {
                throw PythonError(vm.makeException(BuiltinTypes.overflowError, "\(what) argument should not exceed \(Int.max)"))
            }
            // Results past maxBits would only exhaust memory.
            if n > 500_000 { throw PythonError(vm.makeException(BuiltinTypes.memoryError)) }
            return n
        }
        module.attributes["factorial"] = vm.nativeFunction("factorial", owner: nil, .oneArgument) { vm, args, _ in
            let n = try integer(vm, args[0])
            if n.sign == .minus && !n.isZero { throw valueError(vm, "factorial() not defined for negative values") }
            return .integer(product(2, try count(vm, n, "factorial()")))
        }
        module.attributes["isqrt"] = vm.nativeFunction("isqrt", owner: nil, .oneArgument) { vm, args, _ in
            let n = try integer(vm, args[0])
            if n.sign == .minus && !n.isZero { throw valueError(vm, "isqrt() argument must be nonnegative") }
            return .integer(BigInt(n.magnitude.squareRoot()))
        }
        func nk(_ vm: Interpreter, _ args: [Value]) throws -> (BigInt, BigInt) {
            let n = try integer(vm, args[0]), k = try integer(vm, args[1])
            if n.sign == .minus && !n.isZero { throw valueError(vm, "n must be a non-negative integer") }
            if k.sign == .minus && !k.isZero { throw valueError(vm, "k must be a non-negative integer") }
            return (n, k)
        }
        module.attributes["perm"] = vm.nativeFunction("perm", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            if args.count == 1 || args[1].isNone {
                let n = try integer(vm, args[0])
                if n.sign == .minus && !n.isZero { throw valueError(vm, "n must be a non-negative integer") }
                return .integer(product(2, try count(vm, n, "factorial()")))
            }
            let (n, k) = try nk(vm, args)
            if k > n { return .int(0) }
            let kk = try count(vm, k, "k")
            return .integer((0..<kk).reduce(BigInt(1)) { $0 * (n - BigInt($1)) })
        }
        module.attributes["comb"] = vm.nativeFunction("comb", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            var (n, k) = try nk(vm, args)
            if k > n { return .int(0) }
            if n - k < k { k = n - k }
            let kk = try count(vm, k, "min(n - k, k)")
            var result = BigInt(1)
            for i in 0..<kk { result = result * (n - BigInt(i)) / BigInt(i + 1) }
            return .integer(result)
        }
        /// floor/ceil/trunc: an int (an int argument is returned as it is); floats past 64
        /// bits are integers already and convert exactly.
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                if case .int = args[0] { return args[0] }
                if args[0].isBigInteger { return args[0] }
                if case .bool(let b) = args[0] { return .int(b ? 1 : 0) }
                if let method = vm.userMethod(args[0], "__\(name)__") { return try vm.callSpecial(method, args[0], []) }
                guard case .float(let x) = args[0] else { throw vm.typeError("must be real number, not \(args[0].typeName)") }
                return .integer(try vm.arithmetic { () throws(PyArithmeticError) in
                    try PyLongArithmetic.fromDouble(x.rounded(rule))
                })
            }
        }
        rounding("floor", .down)
        rounding("ceil", .up)
        rounding("trunc", .towardZero)
        /// `loghelper`: an int too large for a float is logged as its top bits times a
        /// power of two; `log(x, base)` divides two such logarithms.
        func logarithm(_ name: String, _ f: @escaping (Double) -> Double) {
            guard case .object(let original as PyBuiltin)? = module.attributes[name] else { return }
            func single(_ vm: Interpreter, _ v: Value) throws -> Value {
                guard let big = (v.asObject as? PyLong)?.value else { return try original.body(vm, [v], []) }
                if big.sign == .minus { throw valueError(vm, "math domain error") }
                let shift = big.magnitude.bitWidth - 60
                return .float(f(Double(UInt64(big.magnitude >> shift))) + Double(shift) * f(2))
            }
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 1, max: name == "log" ? 2 : 1)) { vm, args, kwargs in
                guard args.contains(where: \.isBigInteger) else { return try original.body(vm, args, kwargs) }
                let value = try single(vm, args[0])
                guard args.count == 2 else { return value }
                return try vm.binaryOperation(.div, value, try single(vm, args[1]))
            }
        }
        logarithm("log", log)
        logarithm("log2", log2)
        logarithm("log10", log10)
    }
}
