import EdgarCore
import EdgarExtractors
import EdgarTestSupport
import Testing

/// Every file of real/nc and real/txt, with the outcome read off the file by hand.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct RealCorpusTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var envelope: Envelope
        var sequence: String
        var filename: String

        var description: String { file }
    }

    static let form4s: [Expected] = [
        Expected(
            file: "real/nc/0001127602-25-004598_form4_arrow.nc",
            envelope: Envelope(
                accessionNumber: "0001127602-25-004598", submissionType: "4", filingDate: "20250213",
                acceptanceDatetime: nil, period: "20250212"),
            sequence: "1", filename: "form4.xml"),
        Expected(
            file: "real/txt/0001127602-25-001055_form4_complete_submission.txt",
            envelope: Envelope(
                accessionNumber: "0001127602-25-001055", submissionType: "4", filingDate: "20250110",
                acceptanceDatetime: "20250110160730", period: "20250110"),
            sequence: "1", filename: "form4.xml"),
        Expected(
            file: "real/txt/0001179110-07-016964_form4_2007_pem_X0202_deriv.txt",
            envelope: Envelope(
                accessionNumber: "0001179110-07-016964", submissionType: "4", filingDate: "20070817",
                acceptanceDatetime: "20070817124155", period: "20070815"),
            sequence: "1", filename: "edgar.xml"),
        Expected(
            file: "real/txt/0001240812-07-000005_form4_2007_pem_X0202_isOther.txt",
            envelope: Envelope(
                accessionNumber: "0001240812-07-000005", submissionType: "4", filingDate: "20070817",
                acceptanceDatetime: "20070817152725", period: "20070815"),
            sequence: "1", filename: "primary_doc.xml"),
        Expected(
            file: "real/txt/0001493152-25-015819_form4_2025_X0508_deemed_exec_bad_price.txt",
            envelope: Envelope(
                accessionNumber: "0001493152-25-015819", submissionType: "4", filingDate: "20250926",
                acceptanceDatetime: "20250926172901", period: "20250925"),
            sequence: "1", filename: "ownership.xml"),
    ]

    @Test(arguments: form4s)
    func xmlForm4IsOneDocumentWithExactBody(_ expected: Expected) throws {
        let (outcome, raw) = try extract(corpus: expected.file)
        #expect(outcome.rejects.isEmpty)
        #expect(outcome.skipped.isEmpty)
        try #require(outcome.documents.count == 1)
        let document = outcome.documents[0]
        #expect(document.layout == .xml)
        #expect(document.envelope == expected.envelope)
        #expect(document.documentType == "4")
        #expect(document.source.documentSequence == expected.sequence)
        #expect(document.source.member == nil)
        #expect(document.source.archive.hasSuffix(expected.file))
        // The envelope gives the accession number, so the name's is not needed (ExtractedDocument's contract).
        #expect(document.accessionFromName == nil)
        // Strictly between <XML> and </XML>: the line break after <XML> is part of the body.
        let body = try #require(between("<XML>", "</XML>", in: raw))
        #expect(document.body == body)
        let bodyText = text(document.body)
        #expect(bodyText.hasPrefix("\n<?xml version=\"1.0\"?>") || bodyText.hasPrefix("\r<?xml version=\"1.0\"?>"))
        #expect(bodyText.hasSuffix("</ownershipDocument>\n") || bodyText.hasSuffix("</ownershipDocument>\r"))
        #expect(LayoutSniffer.layout(of: document.body) == .xml)
    }

    @Test func pemWrappedFilingsLoseTheirWrapper() throws {
        let (outcome, _) = try extract(corpus: "real/txt/0001240812-07-000005_form4_2007_pem_X0202_isOther.txt")
        let body = text(try #require(outcome.documents.first).body)
        #expect(!body.contains("PRIVACY-ENHANCED"))
        #expect(!body.contains("MIC-Info"))
    }

    @Test(arguments: [
        ("real/nc/0001398344-24-000491_formDA.nc", "D/A"),
        ("real/nc/0002002260-24-000001_formD.nc", "D"),
        ("real/txt/0000943374-24-000509_8K_uuencoded_attachments.txt", "8-K"),
        ("real/txt/0000950129-95-001652_24F-2NT_1995_pem.txt", "24F-2NT"),
        ("real/txt/MultipleFilersHeader.txt", "10-D"),
        ("real/txt/header_with_double_newlines.txt", "485APOS"),
    ])
    func otherFormsAreSkippedWithTheirType(_ file: String, _ formType: String) throws {
        let (outcome, _) = try extract(corpus: file)
        #expect(outcome.skipped == [formType])
        #expect(outcome.documents.isEmpty)
        #expect(outcome.rejects.isEmpty)
    }

    @Test func plainTextForm4Of2000IsAnUnrecognizedLayout() throws {
        let (outcome, _) = try extract(corpus: "real/txt/0001094891-00-000193_form4_2000_pem_plaintext.txt")
        #expect(outcome.documents.isEmpty)
        #expect(outcome.skipped.isEmpty)
        try #require(outcome.rejects.count == 1)
        let reject = outcome.rejects[0]
        #expect(reject.code == .unrecognizedLayout)
        #expect(reject.stage == .extract)
        #expect(reject.source.documentSequence == "1")
        #expect(reject.filingID == "0001094891-00-000193")
        let excerpt = try #require(reject.excerpt)
        #expect(excerpt.hasPrefix("\n\nUNITED STATES SECURITIES AND EXCHANGE COMMISSION"))
        #expect(excerpt.count == 200)
    }

    @Test(arguments: ["real/txt/1990sheader.txt", "real/txt/0001062993-24-012217_form4.index-headers.html"])
    func form4HeaderWithoutDocumentsIsRejected(_ file: String) throws {
        let (outcome, _) = try extract(corpus: file)
        #expect(outcome.documents.isEmpty)
        #expect(outcome.skipped.isEmpty)
        try #require(outcome.rejects.count == 1)
        #expect(outcome.rejects[0].code == .missingRequiredField)
        #expect(outcome.rejects[0].message.contains("no <DOCUMENT>"))
    }

    /// The `.hdr.sgml` tag-form header (`<ACCEPTANCE-DATETIME>`, `<ACCESSION-NUMBER>`, `<TYPE>` …) followed by a
    /// document: the envelope comes from the tag lines.
    @Test func tagFormSecHeaderGivesTheEnvelope() throws {
        let (_, header) = try extract(corpus: "real/txt/0001062993-24-012217_form4.index-headers.html")
        let member = header + bytes("\n<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<TEXT>\n<XML>\n\(form4XML)\n</XML>\n</TEXT>\n</DOCUMENT>\n")
        let document = try #require(extract(member).documents.first)
        #expect(
            document.envelope
                == Envelope(
                    accessionNumber: "0001062993-24-012217", submissionType: "4", filingDate: "20240607",
                    acceptanceDatetime: "20240607181030", period: "20240605"))
    }

    @Test func everyCorpusFileIsCovered() {
        let covered = Set(
            Self.form4s.map(\.file) + [
                "real/nc/0001398344-24-000491_formDA.nc", "real/nc/0002002260-24-000001_formD.nc",
                "real/txt/0000943374-24-000509_8K_uuencoded_attachments.txt",
                "real/txt/0000950129-95-001652_24F-2NT_1995_pem.txt", "real/txt/MultipleFilersHeader.txt",
                "real/txt/header_with_double_newlines.txt", "real/txt/0001094891-00-000193_form4_2000_pem_plaintext.txt",
                "real/txt/1990sheader.txt", "real/txt/0001062993-24-012217_form4.index-headers.html",
            ])
        let present = Set(
            (Corpus.files(in: "real/nc", extensions: ["nc"]) + Corpus.files(in: "real/txt", extensions: ["txt", "html"]))
                .map { "real/\($0.deletingLastPathComponent().lastPathComponent)/\($0.lastPathComponent)" })
        #expect(present.subtracting(covered).isEmpty)
    }
}
