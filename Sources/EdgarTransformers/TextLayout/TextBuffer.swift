/// The text layout after its markup is taken away: `<u>`/`</u>` removed, `\$` turned into `$`, CRLF and lone CR
/// turned into LF, UTF-8 NBSP turned into a space. Everything downstream reads byte ranges of `bytes`.
struct TextBuffer {
    let bytes: [UInt8]
    /// One range per line, without its LF.
    let lines: [Range<Int>]
    /// The bytes were not valid UTF-8 and strings are decoded as Windows-1252.
    let isWindows1252: Bool

    init(_ raw: [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(raw.count / 40)
        var lineStart = 0
        raw.withUnsafeBufferPointer { raw in
            let n = raw.count
            var i = 0
            // Runs of ordinary bytes are copied whole; only the few bytes that start markup are looked at.
            var runStart = 0
            func flush(_ end: Int) {
                if runStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<end])) }
            }
            while i < n {
                let b = raw[i]
                guard b == UInt8(ascii: "<") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "\r") || b == 0xC2
                    || b == UInt8(ascii: "\n")
                else {
                    i += 1
                    continue
                }
                flush(i)
                var consumed = 1
                switch b {
                case UInt8(ascii: "<"):
                    // `<u>` and `</u>` (any case) are markup, not content.
                    if i + 2 < n, raw[i + 1] | 0x20 == UInt8(ascii: "u"), raw[i + 2] == UInt8(ascii: ">") {
                        consumed = 3
                    } else if i + 3 < n, raw[i + 1] == UInt8(ascii: "/"), raw[i + 2] | 0x20 == UInt8(ascii: "u"),
                        raw[i + 3] == UInt8(ascii: ">")
                    {
                        consumed = 4
                    } else {
                        out.append(b)
                    }
                case UInt8(ascii: "\\"):
                    if i + 1 < n, raw[i + 1] == UInt8(ascii: "$") {
                        out.append(UInt8(ascii: "$"))
                        consumed = 2
                    } else {
                        out.append(b)
                    }
                case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if b == UInt8(ascii: "\r"), i + 1 < n, raw[i + 1] == UInt8(ascii: "\n") { consumed = 2 }
                    lines.append(lineStart..<out.count)
                    out.append(UInt8(ascii: "\n"))
                    lineStart = out.count
                default:  // 0xC2
                    if i + 1 < n, raw[i + 1] == 0xA0 {
                        out.append(UInt8(ascii: " "))
                        consumed = 2
                    } else {
                        out.append(b)
                    }
                }
                i += consumed
                runStart = i
            }
            flush(n)
        }
        if lineStart < out.count { lines.append(lineStart..<out.count) }
        self.bytes = out
        self.lines = lines
        self.isWindows1252 = !Self.isValidUTF8(out)
    }

    // MARK: Strings

    /// The bytes of `range` as a String, decoded as UTF-8 or, for a document that is not UTF-8, Windows-1252.
    func string(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        if !isWindows1252 { return String(decoding: slice, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in slice { scalars.append(Windows1252.scalar(byte)) }
        return String(scalars)
    }

    /// `range` trimmed of whitespace, as a String; nil when nothing is left.
    func trimmedString(_ range: Range<Int>) -> String? {
        let r = trim(range)
        return r.isEmpty ? nil : string(r)
    }

    /// `range` trimmed, with every whitespace run that holds a tab or a line break (structure, not content)
    /// folded into one space; nil when nothing is left.
    func foldedString(_ range: Range<Int>) -> String? {
        let r = trim(range)
        if r.isEmpty { return nil }
        var folded: [UInt8] = []
        folded.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            if isSpace(bytes[i]) {
                var j = i
                var structural = false
                while j < r.upperBound, isSpace(bytes[j]) {
                    if bytes[j] != UInt8(ascii: " ") { structural = true }
                    j += 1
                }
                if structural { folded.append(UInt8(ascii: " ")) } else { folded.append(contentsOf: bytes[i..<j]) }
                i = j
            } else {
                folded.append(bytes[i])
                i += 1
            }
        }
        if !isWindows1252 { return String(decoding: folded, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in folded { scalars.append(Windows1252.scalar(byte)) }
        return String(scalars)
    }

    // MARK: Ranges

    func trim(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    func isBlank(_ range: Range<Int>) -> Bool { trim(range).isEmpty }

    /// The cells of a line (TAB-separated), untrimmed.
    func cells(_ line: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = line.lowerBound
        for i in line where bytes[i] == UInt8(ascii: "\t") {
            cells.append(start..<i)
            start = i + 1
        }
        cells.append(start..<line.upperBound)
        return cells
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // Most renderings are plain ASCII: check that first, eight bytes at a time.
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            var i = 0
            while i + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] & 0x80 != 0 { return false }
                i += 1
            }
            return true
        }
        if ascii { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

@inline(__always)
func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
}

@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

@inline(__always)
func lowered(_ b: UInt8) -> UInt8 { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b }

/// Windows-1252 to Unicode: the C1 range differs from Latin-1; five bytes are undefined and map to U+FFFD.
enum Windows1252 {
    private static let c1: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(c1[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}
