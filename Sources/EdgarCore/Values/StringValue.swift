extension Normalize {
    /// Surrounding whitespace trimmed (Unicode `White_Space`, so NBSP too), inner whitespace kept; empty -> nil.
    public static func string(_ raw: String?) -> String? {
        guard let raw else { return nil }
        // Nearly every filed value starts and ends with a visible ASCII character: return it without copying.
        let plain = withUTF8(raw) { b in b.count > 0 && isVisibleASCII(b[0]) && isVisibleASCII(b[b.count - 1]) }
        if plain { return raw }
        // ASCII whitespace is cut on bytes; only a non-ASCII character at either end needs the Unicode rules.
        if let bounds = withUTF8(raw, { asciiTrimmedBounds($0) }) {
            if bounds.isEmpty { return nil }
            if bounds.count == raw.utf8.count { return raw }
            return withUTF8(raw) { String(decoding: UnsafeBufferPointer(rebasing: $0[bounds]), as: UTF8.self) }
        }
        let scalars = raw.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// Calls `body` with the UTF-8 of `string(raw)`, or nil when that is nil. When only ASCII whitespace is cut
    /// (nearly always) no string is built: the bytes are the filed string's own.
    public static func withTrimmedUTF8(_ raw: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let raw else { return body(nil) }
        let done = withUTF8(raw) { b -> Bool in
            guard let bounds = asciiTrimmedBounds(b) else { return false }
            body(bounds.isEmpty ? nil : UnsafeBufferPointer(rebasing: b[bounds]))
            return true
        }
        if done { return }
        guard let trimmed = string(raw) else { return body(nil) }
        withUTF8(trimmed) { body($0) }
    }

    /// The bytes left once surrounding ASCII whitespace is cut, or nil when a non-ASCII byte is then at either end
    /// (it may belong to Unicode whitespace).
    static func asciiTrimmedBounds(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        var end = b.count
        while start < end && b[start].isASCIIWhitespace { start += 1 }
        while end > start && b[end - 1].isASCIIWhitespace { end -= 1 }
        guard start == end || (b[start] < 0x80 && b[end - 1] < 0x80) else { return nil }
        return start..<end
    }

    static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7f
    }

    /// True when `raw` holds any non-ASCII character (for the Windows-1252 `invalid_encoding` flag).
    public static func containsNonASCII(_ raw: String) -> Bool {
        raw.utf8.contains { $0 >= 0x80 }
    }

    /// The UTF-8 of `text` without copying it (a native string's storage, or a small string's bytes).
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
