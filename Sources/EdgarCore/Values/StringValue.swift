extension Normalize {
    /// Surrounding whitespace trimmed (Unicode `White_Space`, so NBSP too), inner whitespace kept; empty -> nil.
    public static func string(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let utf8 = raw.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        // Nearly every filed value starts and ends with a visible ASCII character: return it without copying.
        if isVisibleASCII(first) && isVisibleASCII(last) { return raw }

        let scalars = raw.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// True when `raw` holds any non-ASCII character (for the Windows-1252 `invalid_encoding` flag).
    public static func containsNonASCII(_ raw: String) -> Bool {
        raw.utf8.contains { $0 >= 0x80 }
    }

    static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7f
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }
}
