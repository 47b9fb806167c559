/// Callables compare like Python's `==`: the same function, or bound methods of the same
/// function on the same object.
package func callableEquals(_ a: Value, _ b: Value, _ vm: Interpreter) throws -> Bool {
    guard case .object(let x) = a, case .object(let y) = b else { return false }
    if x === y { return true }
    if let m = x as? PyBoundMethod, let n = y as? PyBoundMethod {
        return try m.receiver.isIdentical(to: n.receiver) && callableEquals(m.function, n.function, vm)
    }
    return false
}
