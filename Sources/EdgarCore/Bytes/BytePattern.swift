/// A needle for the byte scanners (the SGML envelope scanner, the text-layout parser): its bytes with ASCII letters
/// in lower case, and the one byte a search hands to memchr before it compares the whole needle there.
public struct BytePattern: Sendable {
    /// The needle, ASCII letters in lower case.
    public let lower: [UInt8]
    /// The index of the byte memchr looks for (in both cases when it is a letter): the rarest of the leading fixed
    /// bytes, see `rarity`.
    public let anchor: Int
    /// How many leading bytes match one fixed byte each: all of them, or those before the first `variable` byte.
    public let fixedPrefix: Int

    @inlinable public var count: Int { lower.count }

    /// `variable`: bytes the caller's comparison lets match something else than themselves (the text layout's space
    /// matches a whitespace run), so that no anchor is taken at or after them.
    public init(_ bytes: [UInt8], variable: [UInt8] = []) {
        lower = bytes.map(\.asciiLowercased)
        var anchor = 0
        var fixed = 0
        var rarest = -1
        for byte in lower {
            if variable.contains(byte) { break }
            let rank = Self.rarity(byte)
            if rank > rarest { (anchor, rarest) = (fixed, rank) }
            fixed += 1
        }
        self.anchor = anchor
        self.fixedPrefix = fixed
    }

    public init(_ text: String, variable: [UInt8] = []) { self.init(Array(text.utf8), variable: variable) }

    /// The first index in `from..<end` where a match of the fixed prefix may start and `accept` holds for it.
    /// Candidates are the places of the anchor byte, found with memchr, so most bytes are never looked at one by one.
    @inlinable
    public func firstStart(
        in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int, where accept: (Int) -> Bool
    ) -> Int? {
        guard fixedPrefix > 0, from >= 0, from + fixedPrefix <= end else { return nil }
        // A match starting at `i` has its anchor at `i + anchor` and needs `fixedPrefix` bytes from `i`.
        let limit = end - fixedPrefix + anchor + 1
        let hit = ByteSearch.firstIndex(ofEitherCase: lower[anchor], in: buffer, from: from + anchor, end: limit) {
            accept($0 - anchor)
        }
        return hit.map { $0 - anchor }
    }

    /// Higher is rarer in filings: letters by English letter frequency, with `u` and `m` swapped as SGML headers
    /// have them (a header holds a third as many `u` as `<`); digits and parentheses, frequent in the forms, among
    /// the common letters; the punctuation of tags, dates and numbers (`<>/:-.,="`) and whitespace never (the first byte
    /// of a needle made only of them is its anchor); other punctuation as rare.
    static func rarity(_ byte: UInt8) -> Int {
        let byFrequency: StaticString = "etaoinshrdlcmuwfgypbvkjxqz"
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
            return byFrequency.withUTF8Buffer { $0.firstIndex(of: byte) ?? 0 }
        }
        if byte.isASCIIDigit || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { return 10 }
        if Array("<>/:-.,=\"".utf8).contains(byte) || byte.isSpaceTabCROrLF { return -1 }
        return 20
    }
}
