/// The recover pass's view of `&`: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and a bare `&` (as in "AT&T", not
/// starting a reference) become the character references `&#38;` `&#60;` `&#62;` `&#34;` `&#39;`; character
/// references and other entity references stay as they are (the latter are refused or dropped as before).
enum XMLAmpersands {
    private static let predefined: [([UInt8], [UInt8])] = [
        ("amp;", "&#38;"), ("lt;", "&#60;"), ("gt;", "&#62;"), ("quot;", "&#34;"), ("apos;", "&#39;"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func asCharacterReferences(_ body: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 64)
        var i = 0
        let n = body.count
        while i < n {
            let b = body[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            if let (name, reference) = predefined.first(where: { matches($0.0, body, at: i + 1) }) {
                out += reference
                i += 1 + name.count
            } else if startsReference(body, at: i + 1) {
                out.append(b)
                i += 1
            } else {
                out += Array("&#38;".utf8)
                i += 1
            }
        }
        return out
    }

    private static func matches(_ name: [UInt8], _ body: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard start + name.count <= body.count else { return false }
        for (k, b) in name.enumerated() where body[start + k] != b { return false }
        return true
    }

    /// `#…;` or a name followed by `;`: a reference, left for libxml2.
    private static func startsReference(_ body: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var i = start
        while i < body.count, i - start <= 64 {
            let b = body[i]
            if b == UInt8(ascii: ";") { return i > start }
            let isNameByte = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "#") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: ":") || b >= 0x80
            guard isNameByte else { return false }
            i += 1
        }
        return false
    }
}
