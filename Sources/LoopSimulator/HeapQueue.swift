import PythonRuntime

/// A binary min-heap that is a line-by-line port of CPython's `heapq` module
/// (`heappush`, `heappop`, `heapify` with their `_siftdown` / `_siftup`), so that
/// elements with equal keys come out in exactly the order CPython's timer heap gives.
///
/// asyncio's `TimerHandle` compares by `when` only, so each element has one `Double` key
/// and comparisons look at keys alone: ties are broken by the heap's own shape, as in
/// CPython. Keys live in their own array, so sifting through thousands of timers touches
/// only contiguous doubles, not the handles.
public struct HeapQueue<Element> {
    public private(set) var elements: [Element] = []
    private var keys: [Double] = []
    private let key: (Element) -> Double

    public init(key: @escaping (Element) -> Double) {
        self.key = key
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }
    public var first: Element? { elements.first }

    /// `heapq.heappush`
    public mutating func push(_ item: Element) {
        elements.append(item)
        keys.append(key(item))
        siftDown(startPos: 0, pos: elements.count - 1)
    }

    /// `heapq.heappop`
    @discardableResult
    public mutating func pop() -> Element? {
        guard let last = elements.popLast(), let lastKey = keys.popLast() else { return nil }
        if elements.isEmpty { return last }
        let returnItem = elements[0]
        elements[0] = last
        keys[0] = lastKey
        siftUp(0)
        return returnItem
    }

    /// `heapq.heapify` over a new list of elements (CPython rebuilds the timer list this way).
    public mutating func heapify(_ items: [Element]) {
        elements = items
        keys = items.map(key)
        let n = elements.count
        var i = n / 2 - 1
        while i >= 0 {
            siftUp(i)
            i -= 1
        }
    }

    /// `heapq._siftdown`: follow the path to the root, moving parents down until finding a
    /// place `newitem` fits.
    private mutating func siftDown(startPos: Int, pos: Int) {
        var pos = pos
        let newItem = elements[pos], newKey = keys[pos]
        while pos > startPos {
            let parentPos = (pos - 1) >> 1
            if newKey < keys[parentPos] {
                elements[pos] = elements[parentPos]
                keys[pos] = keys[parentPos]
                pos = parentPos
                continue
            }
            break
        }
        elements[pos] = newItem
        keys[pos] = newKey
    }

    /// `heapq._siftup`: bubble the smaller child up until hitting a leaf, then sift the
    /// item down from there (the "bottom-up" variant CPython uses).
    private mutating func siftUp(_ pos: Int) {
        var pos = pos
        let endPos = elements.count
        let startPos = pos
        let newItem = elements[pos], newKey = keys[pos]
        var childPos = 2 * pos + 1
        while childPos < endPos {
            let rightPos = childPos + 1
            if rightPos < endPos && !(keys[childPos] < keys[rightPos]) {
                childPos = rightPos
            }
            elements[pos] = elements[childPos]
            keys[pos] = keys[childPos]
            pos = childPos
            childPos = 2 * pos + 1
        }
        elements[pos] = newItem
        keys[pos] = newKey
        siftDown(startPos: startPos, pos: pos)
    }
}
