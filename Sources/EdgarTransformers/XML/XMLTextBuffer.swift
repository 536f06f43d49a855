/// A growable byte buffer for the character data of the element being captured.
///
/// Raw storage rather than `[UInt8]`: it is reset for every value, and `Array.removeAll(keepingCapacity:)`
/// showed up in the parser's profile (docs/PERFORMANCE.md, "XML"). The owner must call `deallocate()`.
struct XMLTextBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    mutating func reset() {
        count = 0
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(toHold: count + n) }
        (base + count).update(from: bytes, count: n)
        count += n
    }

    /// The buffer as a string; libxml2 hands over UTF-8 whatever the document's encoding was.
    func string() -> String {
        // One-character values (codes, `0`/`1` flags, form types) are a good part of a filing's values: handed
        // out ready-made, they skip UTF-8 validation and string construction.
        if count == 1 && base[0] < 0x80 { return Self.asciiCharacters[Int(base[0])] }
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    private static let asciiCharacters: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }

    /// True when the buffer holds only XML whitespace (or nothing).
    var isBlank: Bool {
        for i in 0..<count {
            switch base[i] {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return false
            }
        }
        return true
    }

    func deallocate() {
        base.deallocate()
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
