import EdgarCore
import Testing

@testable import EdgarExtractors

/// `ByteScan.find` (memchr on the needle's anchor byte, EdgarCore's `BytePattern`) against the plain definition:
/// the first place at or after `from` where the whole needle matches, ASCII letters without case.
@Suite struct ByteScanTests {
    static let pieces: [String] = [
        "<XML>", "</xml>", "</XM", "L>", "<TYPE>", "<type>", "<DOCUMENT>", "</DOCUMENT>", "<document", "u", "m",
        "x", "X", "<", ">", "/", "-", "--", "->", "ACCESSION NUMBER", "accession  number", "3235-0287", "?>", "<!--",
        " ", "\n", "\r\n", "a",
    ]
    static let needles = [
        "</XML>", "<TYPE>", "<DOCUMENT>", "</DOCUMENT>", "ACCESSION NUMBER", "3235-0287", "?>", "<!--", "-->", "x",
    ]

    static func randomText(seed: UInt64, pieces count: Int) -> [UInt8] {
        var state = seed
        var out: [UInt8] = []
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out += Array(pieces[Int((state >> 33) % UInt64(pieces.count))].utf8)
        }
        return out
    }

    static func naiveFind(_ bytes: [UInt8], _ needle: [UInt8], from: Int, end: Int) -> Int? {
        guard from + needle.count <= end else { return nil }
        return (from...(end - needle.count)).first { at in
            (0..<needle.count).allSatisfy { bytes[at + $0].asciiLowercased == needle[$0].asciiLowercased }
        }
    }

    @Test func findAgreesWithItsDefinition() {
        var found = 0
        for seed in 0..<40 as Range<UInt64> {
            let bytes = Self.randomText(seed: seed, pieces: 300)
            bytes.withUnsafeBufferPointer { buffer in
                let scan = ByteScan(buffer)
                for needle in Self.needles {
                    let pattern = BytePattern(needle)
                    for from in stride(from: 0, to: bytes.count, by: 53) {
                        let end = min(bytes.count, from + 400)
                        let expected = Self.naiveFind(bytes, Array(needle.utf8), from: from, end: end)
                        #expect(scan.find(pattern, from: from, end: end) == expected, "seed \(seed), \(needle), \(from)")
                        if expected != nil { found += 1 }
                    }
                }
            }
        }
        #expect(found > 500, "the random texts must hold matches")
    }

    /// The anchor is the needle's rarest letter, never a tag's punctuation when it has a letter.
    @Test func anchorIsTheRarestLetter() {
        #expect(BytePattern("</XML>").anchor == 2)
        #expect(BytePattern("<TYPE>").anchor == 3)
        #expect(BytePattern("<DOCUMENT>").anchor == 4)
        #expect(BytePattern("3235-0287").anchor == 0)
        #expect(BytePattern("name and address", variable: [0x20]).fixedPrefix == 4)
    }
}
