import EdgarCore

/// Matching the lower-case patterns of the text layout (labels, captions, markers) against the buffer.
extension TextLayoutParser {
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
                        guard i < limit, text[i].isSpaceTabCROrLF else { return nil }
                        while i < limit, text[i].isSpaceTabCROrLF { i += 1 }
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
                        guard i < limit, text[i].asciiLowercased == p else { return nil }
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
    /// found with memchr on the pattern's rarest leading fixed byte (in both cases) rather than byte by byte.
    func find(_ pattern: [UInt8], in range: Range<Int>) -> Range<Int>? {
        find(BytePattern(text: pattern), in: range)
    }

    /// `find` with the pattern's anchor worked out once.
    func find(_ pattern: BytePattern, in range: Range<Int>) -> Range<Int>? {
        find(pattern, in: range, wordsFrom: range.lowerBound)
    }

    /// `find`, where a match at `wordsFrom` (at or before the range) counts as starting a word whatever precedes it.
    func find(_ pattern: BytePattern, in range: Range<Int>, wordsFrom: Int) -> Range<Int>? {
        guard pattern.count > 0 else { return nil }
        guard pattern.fixedPrefix > 0 else { return findEachByte(pattern.lower, in: range, wordsFrom: wordsFrom) }
        return bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            var found: Range<Int>?
            _ = pattern.firstStart(in: buffer, from: range.lowerBound, end: range.upperBound) { start in
                guard atWordStart(start, lower: wordsFrom),
                    let end = match(pattern.lower, at: start, limit: range.upperBound)
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
            if bytes[i].asciiLowercased == head || head == UInt8(ascii: "'"), atWordStart(i, lower: wordsFrom),
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
        return !(bytes[i - 1].isASCIIWordByte && bytes[i].isASCIIWordByte)
    }
}

extension BytePattern {
    /// A pattern of the text layout (lower-case ASCII, see `match`): a space there matches a whitespace run and `'`
    /// a curly apostrophe too, so neither is a fixed byte.
    init(text: String) { self.init(text: Array(text.utf8)) }

    init(text bytes: [UInt8]) { self.init(bytes, variable: [UInt8(ascii: " "), UInt8(ascii: "'")]) }
}
