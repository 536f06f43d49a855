/// A byte-level JSON writer: keys in the order written, strings escaped per RFC 8259, numbers emitted as the
/// exact digits given. `JSONEncoder` is about six times slower and, without `.sortedKeys`, orders keys
/// differently in every process, which would break byte-identical output.
///
/// The writer does not check structure; callers write well-formed objects through `beginObject`/`key`/….
///
/// It writes through raw pointers into its own copy-on-write storage (`JSONBytes`): every row of every table goes
/// through here, and `Array.append(contentsOf:)` (a uniqueness check, a generic call and a `memcpy` per token)
/// was a fifth of the row encoder's profile.
public struct JSONWriter: Sendable {
    private var storage: JSONBytes
    private var count = 0
    /// Set between a key and its value: the value needs no separator.
    private var afterKey = false

    public init(capacity: Int = 1024) {
        storage = JSONBytes(capacity: capacity)
    }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] {
        get { Array(UnsafeBufferPointer(start: storage.base, count: count)) }
        set {
            count = 0
            newValue.withUnsafeBufferPointer { write($0) }
        }
    }

    /// The number of bytes written so far.
    public var byteCount: Int { count }

    /// Hands over the bytes written so far and empties the writer, keeping its storage for the next ones.
    public mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        reset()
        return taken
    }

    public mutating func reset() {
        count = 0
        afterKey = false
    }

    // MARK: Structure

    public mutating func beginObject() {
        separate()
        write(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        write(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        write(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        write(UInt8(ascii: "]"))
    }

    /// Writes `"name":`; the next value written belongs to it.
    public mutating func key(_ name: StaticString) {
        let comma = needsComma()
        let n = name.utf8CodeUnitCount
        var out = reserve(n + 4)
        if comma {
            out.pointee = UInt8(ascii: ",")
            out += 1
            count += 1
        }
        out[0] = UInt8(ascii: "\"")
        (out + 1).update(from: name.utf8Start, count: n)
        out[n + 1] = UInt8(ascii: "\"")
        out[n + 2] = UInt8(ascii: ":")
        count += n + 3
        afterKey = true
    }

    /// Writes a key given as its JSON text, `"name":`, preceded by the comma it needs (none for an object's first
    /// member). For keys written again and again: one copy, no separator logic.
    public mutating func key(encoded text: UnsafeBufferPointer<UInt8>) {
        write(text)
        afterKey = true
    }

    /// Writes a key that is not a compile-time constant (escaped like any string).
    public mutating func key(dynamic name: String) {
        appendEscaped(name, comma: needsComma())
        write(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        separate()
        write("null")
    }

    public mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        separate()
        write(value ? "true" : "false")
    }

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        appendEscaped(value, comma: needsComma())
    }

    /// Writes a string given as its UTF-8 bytes (which must be valid UTF-8).
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        appendEscaped(utf8, comma: needsComma())
    }

    /// Writes a number token verbatim. The caller guarantees `digits` is a valid JSON number.
    public mutating func number(digits: String?) {
        guard let digits else { return null() }
        separate()
        if let done: Void = digits.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        var copy = digits
        copy.withUTF8 { write($0) }
    }

    public mutating func int(_ value: Int) {
        separate()
        // Twenty digits and a sign hold any Int; written backwards from the end of a stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var rest = value.magnitude
            var i = 21
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                i -= 1
                digits[i] = UInt8(ascii: "-")
            }
            write(UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }

    /// Appends already-encoded JSON (e.g. a nested object built elsewhere).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        json.withUnsafeBufferPointer { write($0) }
    }

    /// Appends constant JSON text exactly as given: no separator, no escaping. The caller keeps the structure
    /// well formed (e.g. `,"issues":[]}` to close a row whose last value has been written).
    public mutating func append(literal text: StaticString) {
        write(text)
    }

    /// Ends a line of NDJSON.
    public mutating func newline() {
        write(0x0a)
    }

    // MARK: Internals

    /// A pointer to room for `extra` more bytes after the last one written; the caller writes them and adds to
    /// `count`. Copies the storage first when another writer shares it.
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) || count + extra > storage.capacity {
            storage = storage.copy(count: count, minimumCapacity: count + extra)
        }
        return storage.base + count
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    @inline(__always)
    private mutating func write(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count).update(from: start, count: source.count)
        count += source.count
    }

    /// Appends constant text.
    @inline(__always)
    private mutating func write(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n).update(from: text.utf8Start, count: n)
        count += n
    }

    /// A comma goes before every member or element but the first of its container. The byte written last
    /// tells which: after `{`, `[` or the newline ending a line (or at the start), nothing has come before.
    @inline(__always)
    private mutating func separate() {
        if needsComma() { write(UInt8(ascii: ",")) }
    }

    /// Whether a comma goes before the next key or value; either way, what comes next is no longer a key's value.
    @inline(__always)
    private mutating func needsComma() -> Bool {
        if afterKey {
            afterKey = false
            return false
        }
        guard count > 0 else { return false }
        let last = storage.base[count - 1]
        return last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != 0x0a
    }

    private mutating func appendEscaped(_ value: String, comma: Bool) {
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, comma: comma) }) {
            return done
        }
        var copy = value
        copy.withUTF8 { appendEscaped($0, comma: comma) }
    }

    /// Valid UTF-8 needs only quotes, backslashes and control characters escaped. Almost no filed value holds
    /// one: a first pass looks for them, and without any the value is one copy between the quotes.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, comma: Bool) {
        let n = utf8.count
        let first = utf8.baseAddress.map { Self.firstToEscape($0, n) } ?? 0
        // Room for the comma, the quotes and, at worst, every byte from the first to escape as `\u00XX`.
        var out = reserve(3 + first + 6 * (n - first))
        let start = out
        if comma {
            out.pointee = UInt8(ascii: ",")
            out += 1
        }
        out.pointee = UInt8(ascii: "\"")
        out += 1
        if let source = utf8.baseAddress {
            out.update(from: source, count: first)
            out += first
            for i in first..<n {
                let c = source[i]
                guard Self.needsEscape(c) else {
                    out.pointee = c
                    out += 1
                    continue
                }
                out[0] = 0x5c
                switch c {
                case 0x22: out[1] = 0x22
                case 0x5c: out[1] = 0x5c
                case 0x0a: out[1] = UInt8(ascii: "n")
                case 0x0d: out[1] = UInt8(ascii: "r")
                case 0x09: out[1] = UInt8(ascii: "t")
                case 0x08: out[1] = UInt8(ascii: "b")
                case 0x0c: out[1] = UInt8(ascii: "f")
                default:
                    out[1] = UInt8(ascii: "u")
                    out[2] = UInt8(ascii: "0")
                    out[3] = UInt8(ascii: "0")
                    out[4] = Self.hexDigit(c >> 4)
                    out[5] = Self.hexDigit(c & 0x0f)
                    out += 4
                }
                out += 2
            }
        }
        out.pointee = UInt8(ascii: "\"")
        out += 1
        count += out - start
    }

    /// The index of the first byte that needs escaping, or `n`. Eight bytes at a time: the per-byte test was most
    /// of the cost of writing a row.
    private static func firstToEscape(_ source: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= n {
            let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
            // Standard zero-byte tests (each exact as an "any byte" test): a byte below 0x20, or a byte equal to
            // a quote or a backslash (zero after xor). Bytes of 0x80 and up (multi-byte UTF-8) never match.
            let control = (word &- ones &* 0x20) & ~word & highBits
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5c)
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highBits
            if control | special != 0 { break }
            i += 8
        }
        while i < n && !needsEscape(source[i]) { i += 1 }
        return i
    }

    @inline(__always)
    private static func needsEscape(_ c: UInt8) -> Bool {
        c < 0x20 || c == 0x22 || c == 0x5c
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

/// The storage of a `JSONWriter`: a fixed-size byte allocation, replaced (never resized) when it is full or shared.
///
/// `@unchecked Sendable` is sound because the bytes are only ever written by a `JSONWriter` that has just checked
/// with `isKnownUniquelyReferenced` that it is the storage's only owner (copy on write, as `Array` does); a storage
/// reachable from two writers, or from two threads, is only read. Every property is a `let`, so no access needs
/// dynamic exclusivity checking.
final class JSONBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// A new storage holding the first `count` bytes of this one, with room for at least `minimumCapacity`.
    func copy(count: Int, minimumCapacity: Int) -> JSONBytes {
        var newCapacity = capacity
        while newCapacity < minimumCapacity { newCapacity *= 2 }
        let copy = JSONBytes(capacity: newCapacity)
        copy.base.update(from: base, count: count)
        return copy
    }
}
