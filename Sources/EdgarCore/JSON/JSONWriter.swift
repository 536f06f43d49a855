/// A byte-level JSON writer: keys in the order written, strings escaped per RFC 8259, numbers emitted as the
/// exact digits given. `JSONEncoder` is about six times slower and, without `.sortedKeys`, orders keys
/// differently in every process, which would break byte-identical output.
///
/// The writer does not check structure; callers write well-formed objects through `beginObject`/`key`/….
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        afterKey = false
    }

    // MARK: Structure

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":`; the next value written belongs to it.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a key that is not a compile-time constant (escaped like any string).
    public mutating func key(dynamic name: String) {
        separate()
        appendEscaped(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Set between a key and its value: the value needs no separator.
    private var afterKey = false

    // MARK: Values

    public mutating func null() {
        separate()
        append("null")
    }

    public mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        separate()
        append(value ? "true" : "false")
    }

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        separate()
        appendEscaped(value)
    }

    /// Writes a number token verbatim. The caller guarantees `digits` is a valid JSON number.
    public mutating func number(digits: String?) {
        guard let digits else { return null() }
        separate()
        var d = digits
        d.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func int(_ value: Int) {
        number(digits: String(value))
    }

    /// Appends already-encoded JSON (e.g. a nested object built elsewhere).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Ends a line of NDJSON.
    public mutating func newline() {
        bytes.append(0x0a)
    }

    // MARK: Internals

    /// Appends constant text without building an array (an array literal here would allocate per call).
    @inline(__always)
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A comma goes before every member or element but the first of its container. The byte written last
    /// tells which: after `{`, `[` or the newline ending a line (or at the start), nothing has come before.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = bytes.last else { return }
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != 0x0a { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Swift strings are valid Unicode, so their UTF-8 is valid UTF-8: only quotes, backslashes and control
    /// characters need escaping.
    private mutating func appendEscaped(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = value
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let c = utf8[i]
                if c >= 0x20 && c != 0x22 && c != 0x5c {
                    i += 1
                    continue
                }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                bytes.append(0x5c)
                switch c {
                case 0x22: bytes.append(0x22)
                case 0x5c: bytes.append(0x5c)
                case 0x0a: bytes.append(UInt8(ascii: "n"))
                case 0x0d: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0c: bytes.append(UInt8(ascii: "f"))
                default:
                    append("u00")
                    bytes.append(JSONWriter.hexDigits[Int(c >> 4)])
                    bytes.append(JSONWriter.hexDigits[Int(c & 0x0f)])
                }
                i += 1
                runStart = i
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
