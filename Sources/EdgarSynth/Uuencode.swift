/// Classic uuencoding as EDGAR embeds binary attachments in `<TEXT>`: `begin 644 name`, lines of up to 45
/// bytes (61 characters, length character `M`), a zero-length line written as a backtick, then `end`.
public enum Uuencode {
    public static func encode(_ bytes: [UInt8], name: String, mode: String = "644") -> String {
        var out: [UInt8] = Array("begin \(mode) \(name)\n".utf8)
        out.reserveCapacity(bytes.count * 4 / 3 + bytes.count / 45 * 2 + 32)
        var i = 0
        while i < bytes.count {
            let n = min(45, bytes.count - i)
            out.append(char(UInt8(n)))
            var j = 0
            while j < n {
                let b0 = bytes[i + j]
                let b1 = j + 1 < n ? bytes[i + j + 1] : 0
                let b2 = j + 2 < n ? bytes[i + j + 2] : 0
                out.append(char(b0 >> 2))
                out.append(char((b0 << 4 | b1 >> 4) & 63))
                out.append(char((b1 << 2 | b2 >> 6) & 63))
                out.append(char(b2 & 63))
                j += 3
            }
            out.append(0x0A)
            i += n
        }
        out.append(contentsOf: Array("`\nend\n".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// Zero maps to a backtick rather than a space so lines never end in significant blanks.
    private static func char(_ six: UInt8) -> UInt8 {
        six == 0 ? 0x60 : six + 0x20
    }
}
