import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// (1.1) `--recover-xml`: damaged real XML read in libxml2's recover mode gives rows plus the filings issue
/// `recovered_xml`; without the option it is the `malformed_xml` reject as before; DTDs stay `unsafe_xml`.
@Suite struct XMLRecoverTests {
    typealias H = XMLTestHelpers

    /// A generated Form 4 with Table I rows, as XML text.
    static func form4() -> String {
        var generator = FilingGenerator(seed: 1750)
        while true {
            let document = generator.nextDocument(form: .form4)
            if document.nonDerivativeTransactions.count >= 2 { return XMLRenderer.render(document) }
        }
    }

    /// The three kinds of damage the issue names: the AAR Corp attribute typo (accession 0000001750-04-000011),
    /// a bare `&` in a name, and a document cut off in the middle of Table I.
    static let damaged: [(String, String)] = {
        let xml = form4()
        let typo = xml.replacingFirst("<nonDerivativeTable>", with: "<nonDerivativeTable ativeTable>")
        let ampersand = xml.replacingFirst("<issuerName>", with: "<issuerName>AT&T ")
        let table = xml.range(of: "</nonDerivativeTransaction>")!.upperBound
        let cut = String(xml[..<table]) + "\n<nonDerivativeTransaction><securityTitle><val"
        return [("attribute typo", typo), ("bare ampersand", ampersand), ("cut off mid-table", cut)]
    }()

    static func filingIssues(_ document: OwnershipDocument, _ body: [UInt8]) throws -> [JSONValue] {
        let filing = try RowEncoder().encode(document, from: LayoutAgreementTests.extracted(body, layout: .xml, envelope: nil))
        let rows = try LayoutAgreement.rows(filing)
        guard case .array(let issues)? = rows[.filings]?.first?["issues"] else { return [] }
        return issues
    }

    @Test(arguments: damaged.map(\.0))
    func damagedDocumentsGiveRowsAndTheIssueWithRecovery(_ name: String) throws {
        let xml = H.bytes(Self.damaged.first { $0.0 == name }!.1)
        let strict = try #require(H.rejection(XMLOwnershipParser(), xml), "\(name) parsed without recovery")
        #expect(strict.code == .malformedXML)

        let document = try XMLOwnershipParser(recover: true).parse(xml)
        let clean = try XMLOwnershipParser().parse(H.bytes(Self.form4()))
        #expect(document.recoveredXMLError == strict.message)
        #expect(document.issuer.cik == clean.issuer.cik)
        #expect(document.reportingOwners.map(\.name) == clean.reportingOwners.map(\.name))
        #expect(document.nonDerivativeTransactions.count >= 1)
        #expect(document.nonDerivativeTransactions[0] == clean.nonDerivativeTransactions[0])
        if name == "bare ampersand" { #expect(document.issuer.name == "AT&T " + (clean.issuer.name ?? "")) }
        if name == "attribute typo" {
            // libxml2 drops the broken attribute and keeps the element: every row is there.
            #expect(document.nonDerivativeTransactions == clean.nonDerivativeTransactions)
            #expect(document.nonDerivativeHoldings == clean.nonDerivativeHoldings)
            #expect(document.derivativeTransactions == clean.derivativeTransactions)
            #expect(document.derivativeHoldings == clean.derivativeHoldings)
            #expect(document.footnotes == clean.footnotes)
            #expect(document.signatures == clean.signatures)
            #expect(document.remarks == clean.remarks)
        }

        let issues = try Self.filingIssues(document, xml)
        #expect(issues == [.object(["field": .string("document"), "code": .string("recovered_xml"), "raw": .string(strict.message)])])
    }

    @Test func whatRecoveryCannotMakeAnOwnershipDocumentStaysAReject() throws {
        let parser = XMLOwnershipParser(recover: true)
        for text in [
            "<?xml version=\"1.0\"?>\n<<<< not a document",
            "<ownershipDocument><documentType>4</documentType><remarks>no issuer & no end",
            "<edgarSubmission><a></edgarSubmission>",
        ] {
            let rejection = try #require(H.rejection(parser, H.bytes(text)), "\(text) parsed")
            #expect(rejection.code == .malformedXML || rejection.code == .notOwnershipForm, "\(text): \(rejection)")
        }
    }

    // DTDs stay unsafe_xml with recovery, damaged or not: the cases Tests/Cases/xml-recover/*-stays-unsafe.

    @Test func wellFormedDocumentsAreUnchangedByTheOption() throws {
        let xml = H.bytes(Self.form4())
        #expect(try XMLOwnershipParser(recover: true).parse(xml) == XMLOwnershipParser().parse(xml))
        #expect(try Self.filingIssues(XMLOwnershipParser(recover: true).parse(xml), xml) == [])
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
