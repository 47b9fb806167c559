/// The exceptions Python's numeric operations raise, carried as values so the VM can turn
/// them into the matching Python exception (type name + message, exactly as CPython words it).
public enum PyArithmeticError: Error, Equatable {
    case zeroDivision(String)
    case overflow(String)
    case valueError(String)
    /// A result the simulator will not build (see `PyLongArithmetic.maxBits`).
    case memory

    /// The Python exception class name.
    public var pythonType: String {
        switch self {
        case .zeroDivision: return "ZeroDivisionError"
        case .overflow: return "OverflowError"
        case .valueError: return "ValueError"
        case .memory: return "MemoryError"
        }
    }

    /// The exception message (what `str(exc)` prints).
    public var message: String {
        switch self {
        case .zeroDivision(let message), .overflow(let message), .valueError(let message):
            return message
        case .memory: return ""
        }
    }

    /// The 64-bit fast path's signal that a result needs a big int (`PyLongArithmetic`);
    /// it never reaches a program.
    public static let intTooLargeMessage = "int result past 64 bits"

    package static var intTooLarge: PyArithmeticError { .overflow(intTooLargeMessage) }
}

/// The result of an operation whose Python result type depends on the operands,
/// e.g. `int ** int` is an int for a non-negative exponent and a float otherwise.
public enum PyNumber: Equatable {
    case int(Int)
    case float(Double)
}

/// A failed `format()` call. CPython raises ValueError for everything except `'c'` with an
/// out-of-range code point, which is an OverflowError; `pythonType` says which.
public struct PyFormatError: Error, Equatable {
    public var message: String
    public var pythonType: String

    public init(message: String, pythonType: String = "ValueError") {
        self.message = message
        self.pythonType = pythonType
    }
}
