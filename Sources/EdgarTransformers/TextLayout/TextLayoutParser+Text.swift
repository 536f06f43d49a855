import EdgarCore

/// The text layout's bytes: markup taken away, lines found, strings decoded, ranges trimmed and split into cells.
extension TextLayoutParser {
    /// The bytes that may start markup or a line break.
    private static let markupStarts: [UInt8] = [
        UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0xC2,
    ]

    /// Writes `raw` without its markup into `out` (at least `raw.count` bytes), appending each line's range to
    /// `lines`; returns the number of bytes written.
    static func unmarkup(
        _ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, lines: inout [Range<Int>]
    ) -> Int {
        let n = raw.count
        guard n > 0, let source = raw.baseAddress, let target = out.baseAddress else { return 0 }
        var written = 0
        var lineStart = 0
        var i = 0
        // Runs of ordinary bytes are copied whole; only the few bytes that start markup are looked at.
        var runStart = 0
        func flush(_ end: Int) {
            guard runStart < end else { return }
            (target + written).update(from: source + runStart, count: end - runStart)
            written += end - runStart
        }
        func emit(_ byte: UInt8) {
            target[written] = byte
            written += 1
        }
        var markup = NextOfBytes(Self.markupStarts, in: raw)
        while true {
            i = markup.index(from: i)
            guard i < n else { break }
            let b = raw[i]
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
                    emit(b)
                }
            case UInt8(ascii: "\\"):
                if i + 1 < n, raw[i + 1] == UInt8(ascii: "$") {
                    emit(UInt8(ascii: "$"))
                    consumed = 2
                } else {
                    emit(b)
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if b == UInt8(ascii: "\r"), i + 1 < n, raw[i + 1] == UInt8(ascii: "\n") { consumed = 2 }
                lines.append(lineStart..<written)
                emit(UInt8(ascii: "\n"))
                lineStart = written
            default:  // 0xC2
                if i + 1 < n, raw[i + 1] == 0xA0 {
                    emit(UInt8(ascii: " "))
                    consumed = 2
                } else {
                    emit(b)
                }
            }
            i += consumed
            runStart = i
        }
        flush(n)
        if lineStart < written { lines.append(lineStart..<written) }
        return written
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
        if !isWindows1252 {
            // Folding only shortens: the String's bytes are written in place, no intermediate array.
            return bytes.withUnsafeBufferPointer { source in
                String(unsafeUninitializedCapacity: r.count) { Self.fold(source, r, into: $0) }
            }
        }
        var folded = [UInt8](repeating: 0, count: r.count)
        let count = bytes.withUnsafeBufferPointer { source in
            folded.withUnsafeMutableBufferPointer { Self.fold(source, r, into: $0) }
        }
        var scalars = String.UnicodeScalarView()
        for byte in folded[..<count] { scalars.append(Windows1252.scalar(byte)) }
        return String(scalars)
    }

    /// Writes `source[range]` with its structural whitespace runs folded into `out`; returns the count written.
    private static func fold(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var i = range.lowerBound
        while i < range.upperBound {
            guard source[i].isSpaceTabCROrLF else {
                out[written] = source[i]
                written += 1
                i += 1
                continue
            }
            var j = i
            var structural = false
            while j < range.upperBound, source[j].isSpaceTabCROrLF {
                if source[j] != UInt8(ascii: " ") { structural = true }
                j += 1
            }
            if structural {
                out[written] = UInt8(ascii: " ")
                written += 1
            } else {
                for k in i..<j { out[written + k - i] = source[k] }
                written += j - i
            }
            i = j
        }
        return written
    }

    // MARK: Ranges

    func trim(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, bytes[lo].isSpaceTabCROrLF { lo += 1 }
        while hi > lo, bytes[hi - 1].isSpaceTabCROrLF { hi -= 1 }
        return lo..<hi
    }

    func isBlank(_ range: Range<Int>) -> Bool { trim(range).isEmpty }

    /// Every byte of `range` is ASCII: its bytes are its characters, so byte-level readings equal String ones.
    func isASCII(_ range: Range<Int>) -> Bool {
        for i in range where bytes[i] >= 0x80 { return false }
        return true
    }

    /// The cells of a line (TAB-separated), untrimmed.
    func cells(_ line: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(16)
        var start = line.lowerBound
        for i in line where bytes[i] == UInt8(ascii: "\t") {
            cells.append(start..<i)
            start = i + 1
        }
        cells.append(start..<line.upperBound)
        return cells
    }
}

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
