/// Interned strings: each distinct text (a task name, a callback description, a printed
/// line) is stored once and referred to by a 32-bit id.
struct StringTable {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    mutating func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(strings.count)
        strings.append(s)
        ids[s] = id
        return id
    }

    subscript(id: Int32) -> String { strings[Int(id)] }
}
