/// Restores sequence order after parallel workers: elements go in at any sequence number and come out
/// strictly in order 0, 1, 2, …
struct ReorderBuffer<Element> {
    private var waiting: [Int: Element] = [:]
    private var next = 0

    mutating func insert(_ element: Element, at sequence: Int) {
        precondition(sequence >= next && waiting[sequence] == nil, "sequence \(sequence) delivered twice")
        waiting[sequence] = element
    }

    mutating func popNext() -> Element? {
        guard let element = waiting.removeValue(forKey: next) else { return nil }
        next += 1
        return element
    }
}
