import EdgarCore
import EdgarExtractors
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// XML -> model A -> text layout -> model B, and the rows of A and B agree on every column the text carries
/// (`LayoutAgreement.carriedByText`), for every XML ownership filing of the real corpus and for generated filings
/// of every form kind, under varied rendering options.
@Suite struct LayoutAgreementTests {
    /// Both sides get the same envelope, so `filing_id`, `accession_number` and `filing_date` agree.
    static func extracted(_ body: [UInt8], layout: Layout, envelope: Envelope?) -> ExtractedDocument {
        ExtractedDocument(
            source: SourceRef(archive: "agreement.nc", member: "agreement"), layout: layout,
            envelope: envelope ?? Envelope(accessionNumber: "0000000000-00-000001", filingDate: "2020-01-02"),
            documentType: nil, body: body)
    }

    /// The differences between the rows of an XML document and those of its text rendering.
    static func differences(xml: [UInt8], envelope: Envelope?, options: TextLayoutRenderOptions) throws -> [String] {
        let parser = XMLOwnershipParser()
        let a = try parser.parse(xml)
        let text = Array(TextLayoutRenderer.render(a, options: options).utf8)
        let b: OwnershipDocument
        do {
            b = try TextLayoutParser.parse(text)
        } catch {
            return ["text rendering rejected: \(error)"]
        }
        let encoder = RowEncoder()
        let rowsA = try LayoutAgreement.rows(encoder.encode(a, from: extracted(xml, layout: .xml, envelope: envelope)))
        let rowsB = try LayoutAgreement.rows(encoder.encode(b, from: extracted(text, layout: .text, envelope: envelope)))
        return LayoutAgreement.differences(xml: rowsA, text: rowsB)
    }

    static let options = TextLayoutRoundTripTests.allOptions

    /// Every XML ownership document of corpus/real: the loose xml files (not the fragment) and the XML inside the
    /// `.txt` and `.nc` submissions, with their envelopes.
    static func realDocuments() -> [(name: String, xml: [UInt8], envelope: Envelope?)] {
        var out: [(String, [UInt8], Envelope?)] = []
        for url in Corpus.files(in: "real/xml", extensions: ["xml"]) where !url.lastPathComponent.hasPrefix("fragment") {
            if let bytes = try? Corpus.bytes(url) { out.append((url.lastPathComponent, bytes, nil)) }
        }
        let submissions = Corpus.files(in: "real/txt", extensions: ["txt"]) + Corpus.files(in: "real/nc", extensions: ["nc"])
        for url in submissions {
            guard let bytes = try? Corpus.bytes(url) else { continue }
            for event in SubmissionExtractor().extract(Member(archive: url.lastPathComponent, path: nil, bytes: bytes)) {
                if case .document(let document) = event, document.layout == .xml {
                    out.append((url.lastPathComponent, document.body, document.envelope))
                }
            }
        }
        return out
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func realXMLFilingsAgreeWithTheirTextRendering() throws {
        let documents = Self.realDocuments()
        // 9 loose files and the Form 4s of real/txt and real/nc.
        #expect(documents.count >= 14)
        for (index, document) in documents.enumerated() {
            // Every real filing under every option: they are few.
            for options in Self.options {
                let differences = try Self.differences(xml: document.xml, envelope: document.envelope, options: options)
                #expect(differences.isEmpty, "\(document.name) [\(index)] \(options): \(differences)")
                if !differences.isEmpty { break }
            }
        }
    }

    @Test func generatedFilingsOfEveryKindAgreeWithTheirTextRendering() throws {
        var covered = 0
        var failures = 0
        for (k, kind) in FormKind.allCases.enumerated() {
            var generator = FilingGenerator(seed: 0x5EED_0000 + UInt64(k))
            for i in 0..<90 {
                let document = generator.nextDocument(form: kind)
                let xml = Array(XMLRenderer.render(document).utf8)
                let options = Self.options[(i + k) % Self.options.count]
                let differences = try Self.differences(xml: xml, envelope: nil, options: options)
                #expect(differences.isEmpty, "\(kind) #\(i) \(options): \(differences)")
                if !differences.isEmpty { failures += 1 }
                if failures > 10 { return }
                covered += 1
            }
        }
        #expect(covered >= 500)
    }
}
