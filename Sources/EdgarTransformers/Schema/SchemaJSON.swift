/// A JSON value with its object keys in the order they were written, so rendered schemas are byte-for-byte
/// deterministic and read in the order of the contract (a dictionary would sort or scramble them).
enum SchemaJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([SchemaJSON])
    case object([(String, SchemaJSON)])

    static func == (a: SchemaJSON, b: SchemaJSON) -> Bool { a.pretty() == b.pretty() }

    static func strings(_ values: [String]) -> SchemaJSON { .array(values.map(SchemaJSON.string)) }

    /// Two-space indentation; an array of scalars stays on one line (`"type": ["string", "null"]`), and so does a
    /// short object of such values (`{"name": "shares", "type": "BIGNUMERIC", "mode": "NULLABLE"}`).
    func pretty(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    static let inlineObjectWidth = 100

    /// A scalar, or an array of scalars.
    private var isFlat: Bool {
        if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
        return isScalar
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closingPad = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): Self.quote(s, to: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items) where items.isEmpty: out += "[]"
        case .array(let items) where items.allSatisfy(\.isScalar):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out, indent: indent)
            }
            out += "]"
        case .array(let items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += closingPad + "]"
        case .object(let members) where members.isEmpty: out += "{}"
        case .object(let members) where members.allSatisfy(\.1.isFlat):
            var line = "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { line += ", " }
                Self.quote(key, to: &line)
                line += ": "
                value.write(to: &line, indent: indent)
            }
            line += "}"
            guard line.count > Self.inlineObjectWidth else {
                out += line
                return
            }
            writeMultiline(members, to: &out, indent: indent)
        case .object(let members):
            writeMultiline(members, to: &out, indent: indent)
        }
    }

    private func writeMultiline(_ members: [(String, SchemaJSON)], to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        out += "{\n"
        for (i, (key, value)) in members.enumerated() {
            out += pad
            Self.quote(key, to: &out)
            out += ": "
            value.write(to: &out, indent: indent + 1)
            out += i < members.count - 1 ? ",\n" : "\n"
        }
        out += String(repeating: "  ", count: indent) + "}"
    }

    private static func quote(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
