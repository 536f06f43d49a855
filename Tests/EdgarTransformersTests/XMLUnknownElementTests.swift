import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// `unknown_element` (docs/TABLES.md, "Issue codes"): an element inside `ownershipDocument` without a parser rule
/// is one issue on the filings row, per distinct path, never dropped in silence.
@Suite struct XMLUnknownElementTests {
    let parser = XMLOwnershipParser()
    let encoder = RowEncoder(parserVersion: "test/1")
    typealias H = XMLTestHelpers

    static let minimal = """
        <schemaVersion>X0609</schemaVersion><documentType>4</documentType><periodOfReport>2026-08-17</periodOfReport>
        <issuer><issuerCik>0000789019</issuerCik><issuerName>MICROSOFT CORP</issuerName>
        <issuerTradingSymbol>MSFT</issuerTradingSymbol></issuer>
        <reportingOwner><reportingOwnerId><rptOwnerCik>0002062356</rptOwnerCik></reportingOwnerId>
        <reportingOwnerRelationship><isOfficer>1</isOfficer></reportingOwnerRelationship></reportingOwner>
        """

    func document(_ body: String) throws -> OwnershipDocument {
        try parser.parse(H.bytes("<?xml version=\"1.0\"?>\n<ownershipDocument>\(Self.minimal)\(body)</ownershipDocument>"))
    }

    /// The `issues` of the filings row as (field, code, raw).
    func filingIssues(_ body: String) throws -> [[String]] {
        let filing = try encoder.encode(try document(body), from: RowsFixtures.extracted())
        let line = try #require(RowsFixtures.lines(filing.tables[.filings]).first)
        return RowsFixtures.issues(try RowsFixtures.parse(line, as: .filings))
    }

    @Test func anInventedElementUnderTheRoot() throws {
        #expect(try filingIssues("<filerReferenceNumber>  ABC-123 </filerReferenceNumber>") == [
            ["filerReferenceNumber", "unknown_element", "ABC-123"]
        ])
    }

    @Test func anInventedElementUnderTheIssuer() throws {
        let issues = try filingIssues("<issuer><issuerNewThing>XPAR:MSF</issuerNewThing></issuer>")
        #expect(issues == [["issuer/issuerNewThing", "unknown_element", "XPAR:MSF"]])
    }

    @Test func anInventedElementInsideATransactionKeepsTheRowWhole() throws {
        let body = """
            <nonDerivativeTable><nonDerivativeTransaction>
              <securityTitle><value>Common Stock</value></securityTitle>
              <transactionAmounts>
                <transactionShares><value>89.044</value></transactionShares>
                <transactionCurrency><value>EUR</value><footnoteId id="F1"/></transactionCurrency>
              </transactionAmounts>
              <postTransactionAmounts><sharesOwnedFollowingTransaction><value>10</value>
                <sharesOwnedNote>as of today</sharesOwnedNote></sharesOwnedFollowingTransaction></postTransactionAmounts>
            </nonDerivativeTransaction></nonDerivativeTable>
            """
        #expect(try filingIssues(body) == [
            ["nonDerivativeTable/nonDerivativeTransaction/transactionAmounts/transactionCurrency", "unknown_element", "EUR"],
            [
                "nonDerivativeTable/nonDerivativeTransaction/postTransactionAmounts/sharesOwnedFollowingTransaction/sharesOwnedNote",
                "unknown_element", "as of today",
            ],
        ])
        let row = try #require(try document(body).nonDerivativeTransactions.first)
        #expect(row.securityTitle == Field("Common Stock"))
        #expect(row.shares == Field("89.044"))
        #expect(row.sharesOwnedFollowing == Field("10"))
    }

    @Test func theSameElementTwiceIsOneIssueWithTheFirstText() throws {
        let body = """
            <reportingOwner><reportingOwnerId><rptOwnerCik>1</rptOwnerCik><rptOwnerLei>5493001</rptOwnerLei></reportingOwnerId></reportingOwner>
            <reportingOwner><reportingOwnerId><rptOwnerCik>2</rptOwnerCik><rptOwnerLei>5493002</rptOwnerLei></reportingOwnerId></reportingOwner>
            <issuer><issuerLei>A</issuerLei><issuerLei>B</issuerLei></issuer>
            """
        #expect(try filingIssues(body) == [
            ["reportingOwner/reportingOwnerId/rptOwnerLei", "unknown_element", "5493001"],
            ["issuer/issuerLei", "unknown_element", "A"],
        ])
    }

    @Test func markupInFootnotesAndRemarksIsText() throws {
        let body = """
            <footnotes><footnote id="F1">Sold at <b>$495.40</b> <i>weighted</i>.</footnote></footnotes>
            <remarks>See <a href="x">exhibit <u>24</u></a></remarks>
            """
        #expect(try filingIssues(body) == [])
        let d = try document(body)
        #expect(d.footnotes == [Footnote(id: "F1", text: "Sold at $495.40 weighted.")])
        #expect(d.remarks == "See exhibit 24")
    }

    @Test func aValueWithChildrenKeepsItsTextAndSaysSo() throws {
        let d = try document("<reportingOwner><reportingOwnerId><rptOwnerName>DOE <b>JANE</b></rptOwnerName></reportingOwnerId></reportingOwner>")
        #expect(d.reportingOwners.last?.name == "DOE JANE")
        #expect(d.unknownElements == [UnknownElement(path: "reportingOwner/reportingOwnerId/rptOwnerName/b", text: "JANE")])
    }

    @Test func theTextIsTrimmedAndCutTo200Characters() throws {
        let long = String(repeating: "é", count: 150) + String(repeating: "x", count: 150)
        let d = try document("<newThing>\n   \(long)\n</newThing><emptyThing/>")
        #expect(d.unknownElements.map(\.path) == ["newThing", "emptyThing"])
        #expect(d.unknownElements[0].text == String(repeating: "é", count: 150) + String(repeating: "x", count: 50))
        #expect(d.unknownElements[1].text == "")
    }

    @Test func unknownIssuesFollowTheColumnIssues() throws {
        let issues = try filingIssues("<aff10b5One>maybe</aff10b5One><newFlag>1</newFlag>")
        #expect(issues == [["aff10b5_one", "invalid_boolean", "maybe"], ["newFlag", "unknown_element", "1"]])
    }

    @Test func documentedIgnoresRaiseNothing() throws {
        // In the published schemas but deliberately not read (OwnershipTag): the owner's access code, the address flag.
        let d = try document("""
            <reportingOwner><reportingOwnerId><rptOwnerCik>1</rptOwnerCik><rptOwnerCcc>x1y2z3#4</rptOwnerCcc></reportingOwnerId>
            <reportingOwnerAddress><rptOwnerCity>X</rptOwnerCity><rptOwnerGoodAddress>1</rptOwnerGoodAddress></reportingOwnerAddress>
            </reportingOwner>
            <rptOwnerCcc>misplaced#1</rptOwnerCcc>
            """)
        #expect(d.unknownElements == [], "the access code never reaches a row, not even out of its place")
    }

    @Test func manyDistinctUnknownElementsAreEachRecordedOnce() throws {
        let names = (0..<5_000).map { "<n\($0)>\($0)</n\($0)>" }.joined()
        let d = try document(names + names)
        #expect(d.unknownElements.count == 5_000)
        #expect(d.unknownElements.last == UnknownElement(path: "n4999", text: "4999"))
    }

    @Test func theNextDocumentStartsWithoutUnknownElements() throws {
        #expect(try document("<newThing>a</newThing>").unknownElements.count == 1)
        #expect(try document("").unknownElements == [])
    }

    /// Every schema era in the real corpus (X0202, X0206, X0306, X0508, X0609): nothing in them is unknown.
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func theRealCorpusHasNoUnknownElements() throws {
        let documents = try H.corpusDocuments()
        #expect(documents.count >= 13)
        for (name, bytes) in documents {
            let d = try parser.parse(bytes)
            #expect(d.unknownElements == [], "\(name): \(d.schemaVersion ?? "?")")
        }
    }
}
