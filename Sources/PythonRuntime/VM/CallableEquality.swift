/// Callables compare like Python's `==`: the same function, or bound methods of the same
/// function on the same object.
package func callableEquals(_ a: Value, _ b: Value, _ vm: Interpreter) throws -> Bool {
    guard case .object(let x) = a, case .object(let y) = b else { return false }
    if x === y { return true }
    if let m = x as? PyBoundMethod, let n = y as? PyBoundMethod {
        return try m.receiver.isIdentical(to: n.receiver) && callableEquals(m.function, n.function, vm)
    }
    // meth_richcompare: a built-in type's methods made for one receiver (`l.append`)
    // are equal when they bind the same object and are the same method of its type.
    if let m = x as? PyBuiltin, let n = y as? PyBuiltin, let r = m.boundSelf, let q = n.boundSelf {
        return r.isIdentical(to: q) && m.name == n.name && vm.classOf(r) === vm.classOf(q)
    }
    return false
}
