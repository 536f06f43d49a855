/// Byte-level facts about the start of a document, checked before libxml2 sees it.
enum XMLProlog {
    /// Where the document proper starts: after a UTF-8 byte-order mark and whitespace. The extractor's body
    /// usually starts with the line break after `<XML>`, and libxml2 refuses an XML declaration that is not at
    /// the very start.
    static func contentStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        var i = 0
        while true {
            if i + 2 < bytes.count, bytes[i] == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                i += 3
                continue
            }
            guard i < bytes.count else { return i }
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return i
            }
        }
    }

    /// Whether the XML declaration names an encoding (`<?xml version="1.0" encoding="…"?>`). Such a document is
    /// decoded as it says, and never retried as Windows-1252.
    static func declaresEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let open = Array("<?xml".utf8)
        guard bytes.count >= open.count, zip(open, bytes).allSatisfy({ $0 == $1 }) else { return false }
        let encoding = Array("encoding".utf8)
        var i = open.count
        while i + encoding.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: ">") { return false }
            if bytes[i] == encoding[0] && zip(encoding, bytes[i..<(i + encoding.count)]).allSatisfy({ $0 == $1 }) {
                return true
            }
            i += 1
        }
        return false
    }
}
