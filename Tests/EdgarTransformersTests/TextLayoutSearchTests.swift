import EdgarCore
import Testing

@testable import EdgarTransformers

/// The fast paths of the text-layout reader (memchr-anchored `find`, one search per section label, trimming on
/// UTF-8 bytes) against the plain definitions they replace, on seeded random texts and hand-picked edge cases.
@Suite struct TextLayoutSearchTests {
    /// Bytes that make near misses likely: pattern pieces in both cases, whitespace of every kind, a right single
    /// quote in UTF-8 and Windows-1252, word bytes that break word starts.
    static let pieces: [[UInt8]] = [
        "name", "NAME", "and", "address", "Of", "reporting", "person", "explanation", "EXPLANATION", "of",
        "responses", "(city)", "(CITY)", "3235-0287", "issuer", "s", "x", "1", "a", " ", "  ", "\t", "\n", "\r", ".",
        ":", "(", "\u{2019}",
    ].map { Array($0.utf8) } + [[0x92], [0xE2, 0x80]]

    static func randomText(seed: UInt64, pieces count: Int) -> [UInt8] {
        var state = seed
        var out: [UInt8] = []
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            out += pieces[Int(z % UInt64(pieces.count))]
        }
        return out
    }

    /// `find` by definition: the first word start in the range where the pattern matches.
    static func naiveFind(_ text: TextLayoutParser, _ pattern: [UInt8], in range: Range<Int>) -> Range<Int>? {
        for i in range where text.atWordStart(i, lower: range.lowerBound) {
            if let end = text.match(pattern, at: i, limit: range.upperBound) { return i..<end }
        }
        return nil
    }

    static let patterns = [
        "name and address of reporting person", "explanation of responses", "(city)", "3235-0287", "of",
        "issuer's", "x",
    ]

    @Test func findAgreesWithItsDefinition() {
        var compared = 0
        var found = 0
        for seed in 0..<60 as Range<UInt64> {
            let text = TextLayoutParser(Self.randomText(seed: seed, pieces: 400))
            for pattern in Self.patterns.map({ Array($0.utf8) }) {
                for start in stride(from: 0, to: text.bytes.count, by: 97) {
                    let range = start..<min(text.bytes.count, start + 300)
                    let expected = Self.naiveFind(text, pattern, in: range)
                    #expect(text.find(pattern, in: range) == expected, "seed \(seed), pattern \(pattern), \(range)")
                    compared += 1
                    if expected != nil { found += 1 }
                }
            }
        }
        #expect(compared > 1000 && found > 100, "the random texts must hold matches to compare")
    }

    @Test func firstLineHoldingAgreesWithOneSearchPerLine() {
        for seed in 100..<160 as Range<UInt64> {
            let text = TextLayoutParser(Self.randomText(seed: seed, pieces: 500))
            for pattern in Self.patterns.map({ BytePattern(text: $0) }) {
                for start in [0, 1, text.lines.count / 2, max(0, text.lines.count - 1), text.lines.count] {
                    let expected = (start..<text.lines.count).first { text.find(pattern, in: text.lines[$0]) != nil }
                    #expect(text.firstLine(from: start, holding: pattern) == expected, "seed \(seed), \(pattern.lower)")
                }
            }
        }
    }

    @Test func aLabelBrokenAcrossLinesIsNotInEitherLine() {
        let text = TextLayoutParser(Array("Explanation of\nResponses:\nExplanation of Responses:\n".utf8))
        #expect(text.firstLine(from: 0, holding: TextSections.Pattern.explanation) == 2)
    }

    /// `trimmingSpaces` by its definition: whole whitespace Characters off both ends.
    static func naiveTrim(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t = t.dropFirst() }
        while let c = t.last, c.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    @Test(arguments: [
        "", " ", "\t x \t", "a\r\n", "\r\n", "\r\nb", " \u{301}a", "a \u{301}", "\u{600} ", " \u{600}", "\u{3000}x\u{3000}",
        "x\u{0B}", "\u{0C}x", "é ", " é", "é\r\n", "\u{A0}x", "x\u{2028}", "8X8 INC /DE/ ", "  two  words  ",
    ])
    func trimmingSpacesAgreesWithItsDefinition(_ s: String) {
        #expect(s.trimmingSpaces() == Self.naiveTrim(s))
        #expect(Substring(s).trimmingSpaces() == Self.naiveTrim(s))
    }

    @Test func signatureLinesReadTheSameOnBytesAndOnCharacters() throws {
        func signature(_ line: String) -> (String?, String?)? {
            let text = TextLayoutParser(Array(line.utf8))
            return text.signature(text.lines[0]).map { ($0.name, $0.date) }
        }
        let plain = try #require(signature("/s/ Jane  Q.\tDoe   01/02/2024  "))
        #expect(plain.0 == "/s/ Jane  Q. Doe" && plain.1 == "01/02/2024")
        let accented = try #require(signature("/s/ André Dupont 2024-01-02"))
        #expect(accented.0 == "/s/ André Dupont" && accented.1 == "2024-01-02")
        let dateOnly = try #require(signature("1/2/24"))
        #expect(dateOnly.0 == nil && dateOnly.1 == "1/2/24")
        #expect(signature("1. The reporting person 01/02/2024") == nil, "a footnote, not a signature")
        #expect(signature("/s/ Jane Doe 01/02/2024-05") == nil)
        #expect(signature("/s/ Jane Doe 123/02/2024") == nil)
        #expect(signature("/s/ Jane Doe") == nil)
    }
}
