/// A module's globals: a dictionary of names that remembers the order they were first
/// bound, as a module's `__dict__` (a dict) does in CPython, so `vars(module)`, `dir()`'s
/// source and `from m import *` see CPython's order. Reads and rebinding cost what a
/// Swift dictionary's do; only enumerating and unbinding touch the order.
public struct ModuleNamespace: Sequence, ExpressibleByDictionaryLiteral {
    private var storage: [String: Value] = [:]
    /// The bound names, in first-binding order (an unbound name leaves it; binding it
    /// again puts it last, as a dict does).
    private var order: [String] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// A namespace of the names of an unordered table, in sorted order (the builtins).
    public init(_ table: [String: Value]) {
        for key in table.keys.sorted() { self[key] = table[key] }
    }

    public subscript(key: String) -> Value? {
        @inline(__always) get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { order.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                // Unbinding a global is rare: a linear search is fine.
                if let i = order.lastIndex(of: key) { order.remove(at: i) }
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        let old = storage[key]
        self[key] = nil
        return old
    }

    /// The names, in binding order.
    public var keys: [String] { order }
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        order.compactMap { key in storage[key].map { (key: key, value: $0) } }.makeIterator()
    }
}
