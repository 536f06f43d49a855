import EdgarCore

/// Matching the lower-case patterns of the text layout (labels, captions, markers) against the buffer.
extension TextBuffer {
    /// The end of a match of `pattern` at `start`, or nil. Case-insensitive; whitespace in the pattern matches one
    /// or more whitespace bytes; `'` also matches U+2019 (UTF-8) and 0x92 (Windows-1252).
    func match(_ pattern: [UInt8], at start: Int, limit: Int) -> Int? {
        precondition(start >= 0 && limit <= bytes.count)
        // Pointers rather than array subscripts: this runs for every label candidate.
        return bytes.withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { pattern in
                var i = start
                for p in pattern {
                    if p == UInt8(ascii: " ") {
                        guard i < limit, isSpace(text[i]) else { return nil }
                        while i < limit, isSpace(text[i]) { i += 1 }
                    } else if p == UInt8(ascii: "'") {
                        guard i < limit else { return nil }
                        if text[i] == p || text[i] == 0x92 {
                            i += 1
                        } else if i + 2 < limit, text[i] == 0xE2, text[i + 1] == 0x80, text[i + 2] == 0x99 {
                            i += 3
                        } else {
                            return nil
                        }
                    } else {
                        guard i < limit, lowered(text[i]) == p else { return nil }
                        i += 1
                    }
                }
                return i
            }
        }
    }

    /// The first match of `pattern` in `range`, starting at a word boundary.
    ///
    /// Most calls look through whole sections for a label that is near their end or absent, so candidates are
    /// found with memchr on the pattern's rarest leading literal byte (in both cases) rather than byte by byte.
    func find(_ pattern: [UInt8], in range: Range<Int>) -> Range<Int>? {
        find(TextPattern(pattern), in: range)
    }

    /// `find` with the pattern's anchor worked out once.
    func find(_ textPattern: TextPattern, in range: Range<Int>) -> Range<Int>? {
        find(textPattern, in: range, wordsFrom: range.lowerBound)
    }

    /// `find`, where a match at `wordsFrom` (at or before the range) counts as starting a word whatever precedes it.
    func find(_ textPattern: TextPattern, in range: Range<Int>, wordsFrom: Int) -> Range<Int>? {
        let pattern = textPattern.bytes
        guard !pattern.isEmpty else { return nil }
        let (anchor, literals) = (textPattern.anchor, textPattern.literals)
        guard literals > 0 else { return findEachByte(pattern, in: range, wordsFrom: wordsFrom) }
        // A match starting at `i` has its anchor at `i + anchor` and needs `literals` bytes from `i`.
        let limit = range.upperBound - literals + anchor + 1
        return bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            var found: Range<Int>?
            _ = ByteSearch.firstIndex(ofEitherCase: pattern[anchor], in: buffer, from: range.lowerBound + anchor, end: limit) {
                let start = $0 - anchor
                guard atWordStart(start, lower: wordsFrom), let end = match(pattern, at: start, limit: range.upperBound)
                else { return false }
                found = start..<end
                return true
            }
            return found
        }
    }

    /// `find` for a pattern that starts with whitespace or `'`, which have no fixed byte to look for.
    private func findEachByte(_ pattern: [UInt8], in range: Range<Int>, wordsFrom: Int) -> Range<Int>? {
        let head = pattern[0]
        var i = range.lowerBound
        while i < range.upperBound {
            if lowered(bytes[i]) == head || head == UInt8(ascii: "'"), atWordStart(i, lower: wordsFrom),
                let end = match(pattern, at: i, limit: range.upperBound)
            {
                return i..<end
            }
            i += 1
        }
        return nil
    }

    func atWordStart(_ i: Int, lower: Int) -> Bool {
        guard i > lower else { return true }
        return !(isWordByte(bytes[i - 1]) && isWordByte(bytes[i]))
    }
}

/// The next occurrence of any of a few bytes in a buffer, for a caller that moves forward only. Each byte is
/// found with memchr and remembered, so every byte of the buffer is passed over once per wanted byte.
struct NextOfBytes {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let wanted: [UInt8]
    /// Per wanted byte, its next index at or after the last position asked for (or `buffer.count`).
    private var next: [Int]

    init(_ wanted: [UInt8], in buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        self.wanted = wanted
        self.next = [Int](repeating: -1, count: wanted.count)
    }

    /// The first index at or after `position` holding one of the wanted bytes, or `buffer.count`.
    mutating func index(from position: Int) -> Int {
        var nearest = buffer.count
        for k in 0..<wanted.count {
            if next[k] < position {
                next[k] = ByteSearch.firstIndex(of: wanted[k], in: buffer, from: position, end: buffer.count) ?? buffer.count
            }
            nearest = min(nearest, next[k])
        }
        return nearest
    }
}

/// An ASCII letter or digit, either case.
@inline(__always)
func isWordByte(_ b: UInt8) -> Bool {
    let l = lowered(b)
    return isDigit(l) || (l >= UInt8(ascii: "a") && l <= UInt8(ascii: "z"))
}

/// A pattern for `TextBuffer.find` (lower-case ASCII, see `match`) with the byte that find hands to memchr.
struct TextPattern: Sendable {
    let bytes: [UInt8]
    /// The index of the rarest byte among the pattern's leading literal bytes: those before its first space or
    /// `'`, which match a fixed byte at a fixed offset.
    let anchor: Int
    /// How many leading literal bytes there are.
    let literals: Int

    init(_ text: String) { self.init(Array(text.utf8)) }

    init(_ bytes: [UInt8]) {
        var anchor = 0
        var literals = 0
        var best = -1
        for byte in bytes {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "'") { break }
            let r = Self.rarity(byte)
            if r > best {
                best = r
                anchor = literals
            }
            literals += 1
        }
        self.bytes = bytes
        self.anchor = anchor
        self.literals = literals
    }

    /// Higher is rarer in the forms' text: English letter frequency, with digits and parentheses (frequent in the
    /// forms) ranked among the common letters and other punctuation as rare.
    private static func rarity(_ byte: UInt8) -> Int {
        let byFrequency: StaticString = "etaoinshrdlcumwfgypbvkjxqz"
        let l = lowered(byte)
        if l >= UInt8(ascii: "a") && l <= UInt8(ascii: "z") {
            return byFrequency.withUTF8Buffer { $0.firstIndex(of: l) ?? 0 }
        }
        if isDigit(l) || l == UInt8(ascii: "(") || l == UInt8(ascii: ")") { return 10 }
        return 20
    }
}
