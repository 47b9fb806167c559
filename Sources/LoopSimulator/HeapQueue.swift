/// A binary min-heap that is a line-by-line port of CPython's `heapq` module
/// (`heappush`, `heappop`, `heapify` with their `_siftdown` / `_siftup`), so that
/// elements with equal keys come out in exactly the order CPython's timer heap gives.
///
/// asyncio's `TimerHandle` compares by `when` only, so `isLess` must compare deadlines and
/// nothing else: ties are broken by the heap's own shape, as in CPython.
public struct HeapQueue<Element> {
    public private(set) var elements: [Element] = []
    private let isLess: (Element, Element) -> Bool

    public init(isLess: @escaping (Element, Element) -> Bool) {
        self.isLess = isLess
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }
    public var first: Element? { elements.first }

    /// `heapq.heappush`
    public mutating func push(_ item: Element) {
        elements.append(item)
        siftDown(startPos: 0, pos: elements.count - 1)
    }

    /// `heapq.heappop`
    @discardableResult
    public mutating func pop() -> Element? {
        guard let last = elements.popLast() else { return nil }
        if elements.isEmpty { return last }
        let returnItem = elements[0]
        elements[0] = last
        siftUp(0)
        return returnItem
    }

    /// `heapq.heapify` over a new list of elements (CPython rebuilds the timer list this way).
    public mutating func heapify(_ items: [Element]) {
        elements = items
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
        let newItem = elements[pos]
        while pos > startPos {
            let parentPos = (pos - 1) >> 1
            let parent = elements[parentPos]
            if isLess(newItem, parent) {
                elements[pos] = parent
                pos = parentPos
                continue
            }
            break
        }
        elements[pos] = newItem
    }

    /// `heapq._siftup`: bubble the smaller child up until hitting a leaf, then sift the
    /// item down from there (the "bottom-up" variant CPython uses).
    private mutating func siftUp(_ pos: Int) {
        var pos = pos
        let endPos = elements.count
        let startPos = pos
        let newItem = elements[pos]
        var childPos = 2 * pos + 1
        while childPos < endPos {
            let rightPos = childPos + 1
            if rightPos < endPos && !isLess(elements[childPos], elements[rightPos]) {
                childPos = rightPos
            }
            elements[pos] = elements[childPos]
            pos = childPos
            childPos = 2 * pos + 1
        }
        elements[pos] = newItem
        siftDown(startPos: startPos, pos: pos)
    }
}
