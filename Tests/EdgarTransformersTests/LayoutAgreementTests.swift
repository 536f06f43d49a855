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
        try compare(xml: xml, envelope: envelope, options: options).differences
    }

    /// The differences, and the rows of the XML side (to count what was compared).
    static func compare(xml: [UInt8], envelope: Envelope?, options: TextLayoutRenderOptions) throws
        -> (differences: [String], rows: LayoutAgreement.Rows)
    {
        let parser = XMLOwnershipParser()
        let a = try parser.parse(xml)
        let text = Array(TextLayoutRenderer.render(a, options: options).utf8)
        let b: OwnershipDocument
        do {
            b = try TextLayoutParser.parse(text)
        } catch {
            return (["text rendering rejected: \(error)"], [:])
        }
        let encoder = RowEncoder()
        let rowsA = try LayoutAgreement.rows(encoder.encode(a, from: extracted(xml, layout: .xml, envelope: envelope)))
        let rowsB = try LayoutAgreement.rows(encoder.encode(b, from: extracted(text, layout: .text, envelope: envelope)))
        return (LayoutAgreement.differences(xml: rowsA, text: rowsB), rowsA)
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
        var rowsPerTable: [Table: Int] = [:]
        for (k, kind) in FormKind.allCases.enumerated() {
            var generator = FilingGenerator(seed: 0x5EED_0000 + UInt64(k))
            for i in 0..<90 {
                let document = generator.nextDocument(form: kind)
                let xml = Array(XMLRenderer.render(document).utf8)
                let options = Self.options[(i + k) % Self.options.count]
                let (differences, rows) = try Self.compare(xml: xml, envelope: nil, options: options)
                #expect(differences.isEmpty, "\(kind) #\(i) \(options): \(differences)")
                for (table, tableRows) in rows { rowsPerTable[table, default: 0] += tableRows.count }
                if !differences.isEmpty { failures += 1 }
                if failures > 10 { return }
                covered += 1
            }
        }
        #expect(covered >= 500)
        // Every table took part, with many rows.
        for table in Table.dataTables { #expect(rowsPerTable[table, default: 0] >= 100, "\(table): \(rowsPerTable[table, default: 0])") }
    }
}

/// The cases the generator rarely or never makes, each once, at the row level.
@Suite struct LayoutAgreementEdgeTests {
    static func form4() -> OwnershipDocument {
        var generator = FilingGenerator(seed: 77)
        var document = generator.nextDocument(form: .form4)
        document.footnotes = [
            Footnote(id: "F1", text: "Granted under the 2020 plan."),
            Footnote(id: "F2", text: "Vests in three tranches:\n1. one third on grant;\n2. the rest monthly."),
        ]
        var derivative = DerivativeTransaction()
        derivative.securityTitle = Field("Phantom Units")
        derivative.transactionDate = Field(document.periodOfReport)
        derivative.coding = TransactionCoding(code: "A")
        derivative.totalValue = Field(nil, footnoteIDs: ["F1"])
        derivative.pricePerShare = Field("0")
        derivative.acquiredDisposedCode = Field("A")
        derivative.underlyingSecurityTitle = Field("Common Stock")
        derivative.underlyingSecurityValue = Field(nil, footnoteIDs: ["F2"])
        derivative.valueOwnedFollowing = Field("12500.50")
        derivative.directOrIndirect = Field("D")
        document.derivativeTransactions = [derivative]
        document.derivativeHoldings = []
        var owner = document.reportingOwners[0]
        owner.isDirector = nil
        owner.isOfficer = nil
        owner.isTenPercentOwner = nil
        owner.isOther = "1"
        owner.officerTitle = nil
        owner.otherText = "Former Director"
        owner.city = "TORONTO"
        owner.state = "ONT"
        owner.zipCode = "M5V 2T6"
        document.reportingOwners = [owner]
        return document
    }

    @Test func footnoteOnlyValuesNumberedContinuationsAndRoleWordsInTheTitle() throws {
        let xml = Array(XMLRenderer.render(Self.form4()).utf8)
        for options in TextLayoutRoundTripTests.allOptions {
            let differences = try LayoutAgreementTests.differences(xml: xml, envelope: nil, options: options)
            #expect(differences.isEmpty, "\(options): \(differences)")
        }
    }

    @Test func theComparisonSeesADifference() throws {
        var a = Self.form4()
        let xml = Array(XMLRenderer.render(a).utf8)
        a.derivativeTransactions[0].valueOwnedFollowing = Field("12500.51")
        let parsed = try XMLOwnershipParser().parse(xml)
        let text = Array(TextLayoutRenderer.render(a).utf8)
        let encoder = RowEncoder()
        let rowsA = try LayoutAgreement.rows(
            encoder.encode(parsed, from: LayoutAgreementTests.extracted(xml, layout: .xml, envelope: nil)))
        let rowsB = try LayoutAgreement.rows(
            encoder.encode(try TextLayoutParser.parse(text), from: LayoutAgreementTests.extracted(text, layout: .text, envelope: nil)))
        #expect(LayoutAgreement.differences(xml: rowsA, text: rowsB) == [
            "derivative_transactions[1].value_owned_following_transaction: 12500.50 | 12500.51"
        ])
    }
}

/// What the text layout cannot say, pinned: each case gives exactly the difference written here. The generator
/// never makes these models (they are ambiguous on the printed form, or not valid XML), so the agreement tests above
/// do not meet them; if the reader learns one of them, its expectation here changes.
@Suite struct LayoutAgreementLimitTests {
    static func differences(_ edit: (inout OwnershipDocument) -> Void) throws -> [String] {
        var document = LayoutAgreementEdgeTests.form4()
        edit(&document)
        let xml = Array(XMLRenderer.render(document).utf8)
        return try LayoutAgreementTests.differences(xml: xml, envelope: nil, options: .init())
    }

    /// Officer title and other text share one cell as `title / text`; with exactly one of Officer and Other checked
    /// the whole cell is that one's, since real titles contain ` / ` (`EVP / CFO`).
    @Test func otherTextBesideAnOfficerTitleWithOnlyOfficerChecked() throws {
        let differences = try Self.differences { d in
            d.reportingOwners[0].isOfficer = "1"
            d.reportingOwners[0].isOther = "0"
            d.reportingOwners[0].officerTitle = "CFO"
            d.reportingOwners[0].otherText = "Member of 13(d) group"
        }
        #expect(differences == [
            "reporting_owners[1].officer_title: \"CFO\" | \"CFO / Member of 13(d) group\"",
            "reporting_owners[1].other_text: \"Member of 13(d) group\" | null",
        ])
    }

    /// Table II's A/D code is the column the amount sits in: without an amount (which the schema requires) it is
    /// not shown.
    @Test func derivativeCodeWithoutAnAmount() throws {
        let differences = try Self.differences { d in d.derivativeTransactions[0].totalValue = Field() }
        #expect(differences == ["derivative_transactions[1].acquired_disposed_code: \"A\" | null"])
    }

    /// A remarks line that ends in a date, right above the signatures, has the shape of a signature line. The
    /// renderer writes the first remarks line beside `Remarks:`, where it cannot be one; a later line can.
    @Test func remarksEndingInADate() throws {
        #expect(try Self.differences { d in d.remarks = "Plan adopted 03/01/2003" } == [])
        let differences = try Self.differences { d in d.remarks = "Sales under a 10b5-1 plan\nadopted 03/01/2003" }
        #expect(differences == [
            "filings[1].remarks: \"Sales under a 10b5-1 plan adopted 03/01/2003\" | \"Sales under a 10b5-1 plan\"",
            "signatures: 1 XML rows, 2 text rows",
        ])
    }

    /// A continuation line shaped like the start of a footnote not listed yet starts it, and the real start of
    /// that footnote, coming second, then continues it.
    @Test func continuationShapedLikeTheNextFootnote() throws {
        let differences = try Self.differences { d in
            d.footnotes[0].text = "Granted in two parts:\n2. the second on vesting."
        }
        #expect(differences == [
            "footnotes[1].text: \"Granted in two parts: 2. the second on vesting.\" | \"Granted in two parts:\"",
            "footnotes[2].text: \"Vests in three tranches: 1. one third on grant; 2. the rest monthly.\" | "
                + "\"the second on vesting. 2. Vests in three tranches: 1. one third on grant; 2. the rest monthly.\"",
        ])
    }
}
