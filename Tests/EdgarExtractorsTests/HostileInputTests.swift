import EdgarCore
import EdgarExtractors
import Testing

/// Inputs built to make a careless scanner loop, go quadratic or crash. The time bound is a hang guard, not a speed
/// assertion: linear work on these inputs takes well under a second in a debug build, quadratic work would take hours,
/// so a minute separates the two on any machine, however busy. Speed itself is measured by `scripts/bench`.
struct HostileInputTests {
    static let hugeLength = 8 << 20
    static let hangGuard = Duration.seconds(60)

    func timed(_ body: () -> Outcome) -> (Outcome, Duration) {
        let clock = ContinuousClock()
        var outcome: Outcome?
        let elapsed = clock.measure { outcome = body() }
        return (outcome!, elapsed)
    }

    @Test func tenThousandDocumentsInOneSubmission() throws {
        var s = "<SUBMISSION>\n<ACCESSION-NUMBER>0000000001-25-000001\n<TYPE>4\n"
        for k in 1...10_000 {
            s += "<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>\(k)\n<TEXT>\n<p>exhibit \(k)</p>\n</TEXT>\n</DOCUMENT>\n"
        }
        s += "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>10001\n<TEXT>\n<XML>\n\(form4XML)\n</XML>\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
        let (outcome, elapsed) = timed { extract(bytes(s)) }
        try #require(outcome.documents.count == 1)
        #expect(outcome.documents[0].source.documentSequence == "10001")
        #expect(elapsed < Self.hangGuard)
    }

    @Test func tenThousandOwnershipDocuments() {
        var s = "<SUBMISSION>\n<TYPE>4\n"
        for k in 1...10_000 { s += "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>\(k)\n<TEXT>\n<XML>\n\(form4XML)\n</XML>\n</TEXT>\n</DOCUMENT>\n" }
        let (outcome, elapsed) = timed { extract(bytes(s)) }
        #expect(outcome.documents.count == 10_000)
        #expect(outcome.documents.last?.source.documentSequence == "10000")
        #expect(elapsed < Self.hangGuard)
    }

    @Test func tenThousandDocumentsWithoutText() {
        let s = "<SUBMISSION>\n<TYPE>4\n" + String(repeating: "<DOCUMENT>\n<TYPE>4\n", count: 10_000)
        let (outcome, elapsed) = timed { extract(bytes(s)) }
        #expect(outcome.rejects.count == 10_000)
        #expect(outcome.rejects.allSatisfy { $0.code == .missingRequiredField })
        #expect(elapsed < Self.hangGuard)
    }

    @Test func tenThousandDocumentTagsOnOneLine() {
        let s = "<SUBMISSION>\n<TYPE>8-K\n" + String(repeating: "<DOCUMENT>x", count: 10_000)
        let (outcome, elapsed) = timed { extract(bytes(s)) }
        #expect(outcome.skipped == ["8-K"])
        #expect(elapsed < Self.hangGuard)
    }

    @Test func hugeSingleLineMembers() {
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: Self.hugeLength)
        let angles = [UInt8](repeating: UInt8(ascii: "<"), count: Self.hugeLength)
        // `x` is the byte the scanner hands to memchr when looking for </XML> and </TEXT>.
        let exes = [UInt8](repeating: UInt8(ascii: "x"), count: Self.hugeLength / 4) + [UInt8](repeating: UInt8(ascii: "X"), count: Self.hugeLength / 4)
        let cases: [(String, [UInt8], (Outcome) -> Bool)] = [
            ("loose junk", filler, { $0.rejects.map(\.code) == [.notOwnershipForm] }),
            ("loose angle brackets", angles, { $0.rejects.map(\.code) == [.notOwnershipForm] }),
            ("header line", bytes("<SUBMISSION>\n<TYPE>") + filler, { $0.skipped.count == 1 }),
            ("unclosed text", bytes("<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>") + filler,
                { $0.rejects.map(\.code) == [.missingRequiredField] }),
            ("unclosed xml", bytes("<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>") + angles,
                { $0.rejects.map(\.code) == [.missingRequiredField] }),
            ("unclosed xml, anchor bytes", bytes("<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>") + exes,
                { $0.rejects.map(\.code) == [.missingRequiredField] }),
            ("text body", bytes("<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>") + filler + bytes("</TEXT>"),
                { $0.rejects.map(\.code) == [.unrecognizedLayout] }),
            ("unclosed comment", bytes("<!--") + filler, { $0.rejects.map(\.code) == [.notOwnershipForm] }),
            ("unclosed doctype", bytes("<?xml version=\"1.0\"?><!DOCTYPE [[[") + filler, { $0.documents.count == 1 }),
            ("PEM", bytes("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n") + filler, { $0.skipped == ["UNKNOWN"] }),
        ]
        for (name, input, check) in cases {
            let (outcome, elapsed) = timed { extract(input) }
            #expect(check(outcome), "\(name)")
            #expect(elapsed < Self.hangGuard, "\(name)")
        }
    }
}
