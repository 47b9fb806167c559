/// An instance's own attributes (`self._queue`, `self._waiters`, ...): a handful of names,
/// looked up by a short scan. Comparing a few short strings costs less than hashing one,
/// and the asyncio library's methods read `self.x` on every line.
public struct AttributeTable {
    private var names: [String] = []
    private var values: [Value] = []

    public init() {}

    public subscript(name: String) -> Value? {
        get {
            for i in names.indices where names[i] == name { return values[i] }
            return nil
        }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue {
                    values[i] = newValue
                } else {
                    names.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// The attributes in the order they were first set (`vars(obj)`).
    public var entries: [(String, Value)] { Array(zip(names, values)) }
}
