import EdgarCore
import EdgarExtractors
import EdgarTestSupport
import Testing

/// The same real `.nc` member (bare CR in the original) rewritten with LF, CRLF and CR gives the same document.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct LineEndingTests {
    static let newlines: [(String, [UInt8])] = [("LF", [0x0A]), ("CRLF", [0x0D, 0x0A]), ("CR", [0x0D])]

    @Test(arguments: ["real/nc/0001127602-25-004598_form4_arrow.nc", "real/txt/0001127602-25-001055_form4_complete_submission.txt"])
    func sameDocumentWhateverTheLineEndings(_ file: String) throws {
        let (_, original) = try extract(corpus: file)
        var results: [ExtractedDocument] = []
        for (name, newline) in Self.newlines {
            let variant = withLineEndings(original, newline)
            let outcome = extract(variant, archive: "x.nc")
            try #require(outcome.documents.count == 1, "\(name)")
            let document = outcome.documents[0]
            #expect(document.body == between("<XML>", "</XML>", in: variant), "\(name)")
            #expect(Array(document.body.prefix(newline.count)) == newline, "\(name)")
            results.append(document)
        }
        for document in results.dropFirst() {
            #expect(document.envelope == results[0].envelope)
            #expect(document.source == results[0].source)
            #expect(document.layout == .xml)
            #expect(withLineEndings(document.body, [0x0A]) == results[0].body)
        }
        #expect(results[0].envelope?.filingDate != nil)
    }

    @Test func textLayoutSeedIsRecognisedWithEveryLineEnding() throws {
        let seed = try Corpus.bytes(Corpus.root!.appendingPathComponent("seed/form4-text-layout.txt"))
        for (_, newline) in Self.newlines {
            #expect(LayoutSniffer.layout(of: withLineEndings(seed, newline)) == .text)
        }
    }
}
