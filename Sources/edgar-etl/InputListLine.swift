import Foundation

/// How one path is written on one line of an input list (`list-inputs` writes it, `--inputs-from` and
/// `commit --expect-inputs` read it): a newline, carriage return or backslash in the name is escaped C-style,
/// so that a name holding a newline can neither split into two inputs nor merge with the next one.
enum InputListLine {
    static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return path }
        var out = ""
        for character in path.unicodeScalars {
            switch character {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The inverse of `escape`; a backslash before any other character is kept as written.
    static func unescape(_ line: String) -> String {
        guard line.utf8.contains(0x5C) else { return line }
        var out = ""
        var escaped = false
        for character in line.unicodeScalars {
            if escaped {
                switch character {
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default: out += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(character)
            }
        }
        if escaped { out += "\\" }
        return out
    }

    /// The paths of a list: NUL-separated as written by `list-inputs -0` when the text holds a NUL, else one
    /// escaped path per line, with blank lines and `#` comments ignored.
    static func paths(in text: String) -> [String] {
        if text.utf8.contains(0) {
            return text.split(separator: "\0").map(String.init).filter { !$0.isEmpty }
        }
        // Split on LF bytes only (a CR before it is dropped): other Unicode line breaks may be part of a name.
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true)
            .map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0[...], as: UTF8.self) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map(unescape)
    }
}
