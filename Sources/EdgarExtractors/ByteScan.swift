import EdgarCore

/// Byte-level search over a contiguous buffer. Everything here is linear in the bytes it looks at, so a caller
/// that only moves forward stays linear over a whole member.
///
/// Needles are ASCII `BytePattern`s (EdgarCore/Bytes, shared with the text-layout parser). Case-insensitive
/// matching folds ASCII letters only, which is all SGML tag names need.
struct ByteScan {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    subscript(i: Int) -> UInt8 { bytes[i] }

    /// The first index at or after `from` holding `byte` (memchr), before `end`.
    func index(of byte: UInt8, from: Int, end: Int? = nil) -> Int? {
        ByteSearch.firstIndex(of: byte, in: bytes, from: from, end: end ?? bytes.count)
    }

    /// The first index at or after `from` of a line break (CR or LF), or `count`. The CR search is bounded by
    /// the LF found first, so a member with no CR at all is not rescanned line after line.
    func lineEnd(from: Int) -> Int {
        let lf = index(of: .lf, from: from) ?? bytes.count
        return index(of: .cr, from: from, end: lf) ?? lf
    }

    /// The start of the line after a line that ends at `lineEnd` (CRLF counts as one break).
    func nextLineStart(afterLineEnd lineEnd: Int) -> Int {
        guard lineEnd < bytes.count else { return bytes.count }
        if bytes[lineEnd] == .cr, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == .lf { return lineEnd + 2 }
        return lineEnd + 1
    }

    /// Whether the bytes at `at` equal `needle`, ASCII letters compared without case.
    func hasPrefix(_ needle: BytePattern, at: Int) -> Bool {
        guard at >= 0, at + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[at + k].asciiLowercased != needle.lower[k] { return false }
        return true
    }

    /// The first occurrence of `needle` (case-insensitive) at or after `from`, before `end`.
    ///
    /// memchr looks for the needle's anchor byte (its rarest one, see `BytePattern`), in both cases when it is a
    /// letter: for `</XML>` that skips from `x` to `x` instead of stopping at every tag of the XML body.
    func find(_ needle: BytePattern, from: Int, end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        return needle.firstStart(in: bytes, from: from, end: end) { hasPrefix(needle, at: $0) }
    }

    /// The first index at or after `from` that is not a space, TAB, CR or LF (nor, at the very start, a UTF-8 BOM).
    func skipWhitespace(from: Int, end: Int? = nil) -> Int {
        let end = end ?? bytes.count
        var i = from
        if i == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < end, bytes[i].isSpaceTabCROrLF { i += 1 }
        return i
    }

    /// `from..<end` without leading and trailing spaces and TABs.
    func trimmed(_ from: Int, _ end: Int) -> Range<Int> {
        var a = from, b = end
        while a < b, bytes[a] == .space || bytes[a] == .tab { a += 1 }
        while b > a, bytes[b - 1] == .space || bytes[b - 1] == .tab { b -= 1 }
        return a..<b
    }

    /// An XML name without its namespace prefix.
    func localName(_ name: Range<Int>) -> Range<Int> {
        guard let colon = index(of: .colon, from: name.lowerBound, end: name.upperBound) else { return name }
        return (colon + 1)..<name.upperBound
    }

    /// A small header value as a String; values longer than `limit` bytes are cut there (real ones are a few
    /// dozen bytes: the cap keeps a hostile one-line header from becoming a huge String).
    func string(_ range: Range<Int>, limit: Int = 1024) -> String {
        let end = min(range.upperBound, range.lowerBound + limit)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self)
    }
}
