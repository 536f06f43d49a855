/// Test helper: turns an SEC XSL HTML rendering into the text layout the way the seed was made: each row of a
/// top-level table is a line, its cells are joined by TABs, anything nested inside a cell (tables, spans, line
/// breaks) is flattened into that cell with single spaces; entities and NBSP are decoded.
enum HTMLToTextLayout {
    static func convert(_ html: String) -> String {
        var out = ""
        var depth = 0
        var pendingSpace = false
        var i = html.startIndex
        func emit(_ s: String) {
            if pendingSpace, !out.isEmpty, out.last != "\n", out.last != "\t", s != "\t", s != "\n" { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        func structural(_ c: Character) {
            while out.last == " " { out.removeLast() }
            out.append(c)
            pendingSpace = false
        }
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "/" && tag.first != "/" }).first.map(String.init) ?? ""
                i = html.index(after: close)
                for skipped in ["head", "style", "script"] where name == skipped {
                    if let end = html[i...].range(of: "</" + skipped, options: .caseInsensitive) {
                        i = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                    }
                }
                switch name {
                case "table":
                    depth += 1
                    if depth == 1 { structural("\n") }
                case "/table":
                    depth -= 1
                    if depth == 0 { structural("\n") }
                case "/tr" where depth == 1: structural("\n")
                case "/td" where depth == 1, "/th" where depth == 1: structural("\t")
                default: pendingSpace = true
                }
                continue
            }
            if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semi])
                if let decoded = decode(entity) {
                    if decoded == " " { pendingSpace = true } else { emit(decoded) }
                    i = html.index(after: semi)
                    continue
                }
            }
            if c.isWhitespace || c == "\u{A0}" {
                pendingSpace = true
            } else {
                emit(String(c))
            }
            i = html.index(after: i)
        }
        // Blank-only lines and spaces around TABs carry nothing.
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp", "#160": return " "
        default:
            if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { return String(s) }
            if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) { return String(s) }
            return nil
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
