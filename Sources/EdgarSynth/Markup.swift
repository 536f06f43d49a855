/// Character data of the XML and HTML renderings: `& < > "` escaped, everything else as is.
enum Markup {
    static func appendEscaped(_ s: String, to out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            out += s
            return
        }
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        appendEscaped(s, to: &out)
        return out
    }
}
