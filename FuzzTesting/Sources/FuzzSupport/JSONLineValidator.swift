/// A strict RFC 8259 checker for NDJSON output: every line must be one JSON object, valid UTF-8 (no overlong
/// forms, no surrogates, nothing above U+10FFFF), no raw control characters inside strings, no lone escaped
/// surrogates. Written over bytes so it judges exactly what the writer produced.
public enum JSONLineValidator {
    /// Checks a chunk of NDJSON: lines ending in `\n`, each one object. Returns a description of the first fault.
    public static func validate(ndjson bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return nil }
        guard bytes.last == 0x0A else { return "the chunk does not end with a newline" }
        var start = 0
        var lineNumber = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A)!
            if let fault = validate(line: bytes[start..<end]) { return "line \(lineNumber): \(fault)" }
            start = end + 1
            lineNumber += 1
        }
        return nil
    }

    /// Checks one line (without its newline): exactly one JSON object and nothing else.
    public static func validate(line: ArraySlice<UInt8>) -> String? {
        var parser = Parser(bytes: line)
        do throws(Fault) {
            parser.skipSpace()
            guard parser.peek == UInt8(ascii: "{") else { throw Fault("the line is not an object") }
            try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.atEnd else { throw Fault("bytes after the object at \(parser.at)") }
            return nil
        } catch {
            return "\(error.message) (line: \(String(decoding: line.prefix(200), as: UTF8.self)))"
        }
    }

    struct Fault: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var at: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            at = bytes.startIndex
        }

        var atEnd: Bool { at >= bytes.endIndex }
        var peek: UInt8? { atEnd ? nil : bytes[at] }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D { at += 1 }
        }

        mutating func expect(_ literal: String) throws(Fault) {
            for b in literal.utf8 {
                guard peek == b else { throw Fault("bad literal at \(at)") }
                at += 1
            }
        }

        mutating func value(depth: Int) throws(Fault) {
            guard depth < 64 else { throw Fault("nesting too deep") }
            skipSpace()
            guard let b = peek else { throw Fault("value expected at end") }
            switch b {
            case UInt8(ascii: "{"):
                at += 1
                skipSpace()
                if peek == UInt8(ascii: "}") { at += 1; return }
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\"") else { throw Fault("key expected at \(at)") }
                    try string()
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { throw Fault("':' expected at \(at)") }
                    at += 1
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { at += 1; continue }
                    guard peek == UInt8(ascii: "}") else { throw Fault("',' or '}' expected at \(at)") }
                    at += 1
                    return
                }
            case UInt8(ascii: "["):
                at += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { at += 1; return }
                while true {
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { at += 1; continue }
                    guard peek == UInt8(ascii: "]") else { throw Fault("',' or ']' expected at \(at)") }
                    at += 1
                    return
                }
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"): try expect("null")
            default: try number()
            }
        }

        mutating func digits() throws(Fault) {
            guard let b = peek, b >= 0x30 && b <= 0x39 else { throw Fault("digit expected at \(at)") }
            while let b = peek, b >= 0x30 && b <= 0x39 { at += 1 }
        }

        mutating func number() throws(Fault) {
            if peek == UInt8(ascii: "-") { at += 1 }
            if peek == UInt8(ascii: "0") {
                at += 1
            } else {
                try digits()
            }
            if peek == UInt8(ascii: ".") { at += 1; try digits() }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                at += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
                try digits()
            }
        }

        mutating func hex4() throws(Fault) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek else { throw Fault("short \\u escape") }
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw Fault("bad hex digit at \(at)")
                }
                v = v << 4 | d
                at += 1
            }
            return v
        }

        mutating func string() throws(Fault) {
            at += 1  // opening quote
            while true {
                guard let b = peek else { throw Fault("unterminated string") }
                switch b {
                case UInt8(ascii: "\""):
                    at += 1
                    return
                case UInt8(ascii: "\\"):
                    at += 1
                    guard let e = peek else { throw Fault("unterminated escape") }
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u"):
                        let unit = try hex4()
                        if unit >= 0xDC00 && unit <= 0xDFFF { throw Fault("lone low surrogate escape at \(at)") }
                        if unit >= 0xD800 && unit <= 0xDBFF {
                            guard peek == UInt8(ascii: "\\") else { throw Fault("lone high surrogate escape at \(at)") }
                            at += 1
                            guard peek == UInt8(ascii: "u") else { throw Fault("lone high surrogate escape at \(at)") }
                            at += 1
                            let low = try hex4()
                            guard low >= 0xDC00 && low <= 0xDFFF else { throw Fault("unpaired surrogate at \(at)") }
                        }
                    default:
                        throw Fault("bad escape at \(at)")
                    }
                case 0x00..<0x20:
                    throw Fault("raw control character 0x\(String(b, radix: 16)) in a string at \(at)")
                case 0x00..<0x80:
                    at += 1
                default:
                    try utf8Scalar()
                }
            }
        }

        /// One multi-byte UTF-8 sequence, checked against the Unicode well-formed table (Table 3-7).
        mutating func utf8Scalar() throws(Fault) {
            let b0 = bytes[at]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: throw Fault("invalid UTF-8 lead byte 0x\(String(b0, radix: 16)) at \(at)")
            }
            guard at + length <= bytes.endIndex else { throw Fault("truncated UTF-8 sequence at \(at)") }
            for k in 1..<length {
                let b = bytes[at + k]
                let (lo, hi): (UInt8, UInt8) = k == 1 ? (low, high) : (0x80, 0xBF)
                guard b >= lo && b <= hi else { throw Fault("invalid UTF-8 continuation at \(at + k)") }
            }
            at += length
        }
    }
}
