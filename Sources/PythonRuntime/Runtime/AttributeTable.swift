/// An instance's own attributes (`self._queue`, `self._waiters`, ...): a handful of names,
/// looked up by a short scan. Comparing a few short strings costs less than hashing one,
/// and the asyncio library's methods read `self.x` on every line.
public struct AttributeTable {
    private var names: [String] = []
    private var values: [Value] = []
    /// The instance's `__dict__` once a program asked for it: kept equal to the table both
    /// ways (`PyDict.linkedInstance`). The flag spares every write the weak load.
    private weak var linkedDict: PyDict?
    private var isLinked = false

    public init() {}

    /// Links the table to `dict`, which already holds its entries.
    package mutating func link(_ dict: PyDict) {
        linkedDict = dict
        isLinked = true
    }

    /// The linked `__dict__`, if it is still alive.
    package var dict: PyDict? { isLinked ? linkedDict : nil }

    /// Sets or removes an attribute without telling the linked dict (the dict is telling
    /// the table).
    package mutating func setUnlinked(_ name: String, _ value: Value?) {
        let linked = isLinked
        isLinked = false
        self[name] = value
        isLinked = linked
    }

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
            if isLinked, let d = linkedDict {
                if let newValue { d.store(.str(name), newValue) } else { d.discard(.str(name)) }
            }
        }
    }

    /// The attributes in the order they were first set (`vars(obj)`).
    public var entries: [(String, Value)] { Array(zip(names, values)) }
}
