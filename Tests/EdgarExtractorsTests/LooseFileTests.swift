import EdgarCore
import EdgarExtractors
import EdgarTestSupport
import Testing

/// Members that are not SGML envelopes: the file as stored is the body.
struct LooseFileTests {
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func realOwnershipXMLFilesAreXMLDocuments() throws {
        let files = Corpus.files(in: "real/xml", extensions: ["xml"]).filter { !$0.lastPathComponent.hasPrefix("fragment") }
        #expect(files.count >= 9)
        for url in files {
            let bytes = try Corpus.bytes(url)
            let outcome = extract(bytes, archive: "in.tar", path: "forms/\(url.lastPathComponent)")
            try #require(outcome.documents.count == 1, "\(url.lastPathComponent)")
            let document = outcome.documents[0]
            #expect(document.layout == .xml)
            #expect(document.body == bytes)
            #expect(document.envelope == nil)
            #expect(document.documentType == nil)
            #expect(document.source == SourceRef(archive: "in.tar", member: "forms/\(url.lastPathComponent)", documentSequence: nil))
        }
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func fragmentWithAnotherRootIsNotAnOwnershipForm() throws {
        let bytes = try Corpus.bytes(Corpus.root!.appendingPathComponent("real/xml/fragment_derivativeHolding.xml"))
        let outcome = extract(bytes, archive: "fragment.xml")
        try #require(outcome.rejects.count == 1)
        #expect(outcome.rejects[0].code == .notOwnershipForm)
        #expect(outcome.rejects[0].message.contains("derivativeHolding"))
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func seedTextLayoutIsATextDocument() throws {
        let bytes = try Corpus.bytes(Corpus.root!.appendingPathComponent("seed/form4-text-layout.txt"))
        let outcome = extract(bytes, archive: "/data/form4-text-layout.txt")
        try #require(outcome.documents.count == 1)
        #expect(outcome.documents[0].layout == .text)
        #expect(outcome.documents[0].body == bytes)
        #expect(outcome.documents[0].accessionFromName == nil)
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func htmlRenderingsAreTheHTMLView() throws {
        // (1.1) The SEC's page of a Form 3/4/5 is a layout of its own; any other HTML is still not a form.
        let pages = Corpus.files(in: "real/html", extensions: ["html"])
        #expect(pages.count == 4)
        for url in pages {
            let outcome = extract(try Corpus.bytes(url), archive: url.path)
            #expect(outcome.rejects.isEmpty, "\(url.lastPathComponent)")
            #expect(outcome.documents.map(\.layout) == [.html], "\(url.lastPathComponent)")
        }
        let other = "<!DOCTYPE html>\n<html><head><title>Power of Attorney</title></head><body><table><tr><td>x</td></tr></table></body></html>"
        #expect(extract(bytes(other), archive: "/data/poa.html").rejects.map(\.code) == [.notOwnershipForm])
        let explanation = Corpus.root!.appendingPathComponent("real/txt/0001062993-24-012217_form4.index-headers.html")
        #expect(LayoutSniffer.classify(try Corpus.bytes(explanation)) != .htmlView)
    }

    @Test func xmlPrologIsSkipped() {
        let xml = "\u{FEFF}\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n<?pi x?>\n<!DOCTYPE ownershipDocument [ <!ENTITY a \"b\"> ]>\n<ownershipDocument/>"
        #expect(LayoutSniffer.classify(bytes(xml)) == .ownershipXML)
        #expect(LayoutSniffer.classify(bytes("<ownershipDocument>")) == .ownershipXML)
        #expect(LayoutSniffer.classify(bytes("<?xml version=\"1.0\"?>\n<edgarSubmission/>")) == .otherXML(root: "edgarSubmission"))
        #expect(LayoutSniffer.classify(bytes("<?xml version=\"1.0\"?>\n")) == .xmlWithoutRoot)
        #expect(LayoutSniffer.layout(of: bytes("<?xml version=\"1.0\"?>\n<edgarSubmission/>")) == nil)
        #expect(LayoutSniffer.layout(of: bytes(xml)[...]) == .xml)
    }

    @Test func junkIsNotAnOwnershipForm() throws {
        let junk: [UInt8] = Array("PK\u{03}\u{04} not really a zip ".utf8) + [0xFF, 0xFE, 0x00]
        let outcome = extract(junk, archive: "0000000009-25-000009.bin")
        try #require(outcome.rejects.count == 1)
        let reject = outcome.rejects[0]
        #expect(reject.code == .notOwnershipForm)
        #expect(reject.stage == .extract)
        #expect(reject.filingID == "0000000009-25-000009")
        #expect(reject.excerpt == Reject.excerpt(of: junk))
        #expect(reject.excerpt?.hasPrefix("PK") == true)
    }

    @Test func emptyFileIsNotAnOwnershipForm() {
        #expect(extract([], archive: "empty.xml").rejects.map(\.code) == [.notOwnershipForm])
    }
}
