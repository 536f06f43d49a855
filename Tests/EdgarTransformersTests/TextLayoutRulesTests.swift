import EdgarCore
import Testing

@testable import EdgarTransformers

/// Reading rules on small hand-written documents.
@Suite struct TextLayoutRulesTests {
    static let minimal = """
        OMB Number:\t3235-0362
        ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
        [X] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).
        x Form 3 Holdings Reported.
        Form 4 Transactions Reported.
        1. name and address of reporting person * DUPONT ANDRÉ (last) (first) (middle) 1 RUE X (street) ST LOUIS MO 63101 (city) (state) (zip)\t2. ISSUER NAME AND TICKER OR TRADING SYMBOL ACME CORP\t5. Relationship of Reporting Person(s) to Issuer (Check all applicable) X Director X 10% Owner Officer (give title below) X Other (specify below) Trustee / Adviser
        3. Statement for Issuer’s Fiscal Year Ended (Month/Day/Year) 12/31/2021
        4. If Amendment, Date of Original Filed (Month/Day/Year) 02/14/2022
        Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
        \t\t\t\tAmount\t(A) or (D)\tPrice
        Common Stock\t12/01/2021\t\tG(1)\t100\tD\t$ 0\t$5,000(2)
        Preferred\t\t\t\t\t\t\t(3)\tI\tBy LLC(4),(5)
        Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
        Explanation of Responses:
        1. Gift.
        continued on a second line.
        (2) Value.
        Remarks: See exhibit.
        /s/ Andre Dupont 2022-02-15
        ** Signature of Reporting Person Date
        """

    @Test func form5AmendmentCheckboxesCaseAndMarkers() throws {
        let doc = try TextLayoutParser.parse(Array(Self.minimal.utf8))
        #expect(doc.documentType == "5/A")
        #expect(doc.dateOfOriginalSubmission == "02/14/2022")
        #expect(doc.periodOfReport == "12/31/2021")
        #expect(doc.notSubjectToSection16 == "true")
        #expect(doc.form3HoldingsReported == "true")
        #expect(doc.form4TransactionsReported == "false")
        #expect(doc.aff10b5One == nil)
        #expect(doc.issuer == Issuer(name: "ACME CORP", tradingSymbol: nil))
        let owner = try #require(doc.reportingOwners.first)
        #expect(owner.name == "DUPONT ANDRÉ")
        #expect([owner.city, owner.state, owner.zipCode] == ["ST LOUIS", "MO", "63101"])
        #expect([owner.isDirector, owner.isTenPercentOwner, owner.isOfficer, owner.isOther] == ["true", "true", "false", "true"])
        #expect(owner.officerTitle == nil && owner.otherText == "Trustee / Adviser")

        // Form 5 without a V column: the sub-header says so.
        let gift = try #require(doc.nonDerivativeTransactions.first)
        #expect(gift.coding == TransactionCoding(code: "G", footnoteIDs: ["F1"]))
        #expect(gift.shares == Field("100"))
        #expect(gift.acquiredDisposedCode == Field("D"))
        #expect(gift.pricePerShare == Field("$0"))
        #expect(gift.valueOwnedFollowing == Field("$5,000", footnoteIDs: ["F2"]))
        #expect(gift.sharesOwnedFollowing == Field())
        let holding = try #require(doc.nonDerivativeHoldings.first)
        #expect(holding.sharesOwnedFollowing == Field(nil, footnoteIDs: ["F3"]))
        #expect(holding.natureOfOwnership == Field("By LLC", footnoteIDs: ["F4", "F5"]))
        #expect(doc.derivativeTransactions.isEmpty && doc.derivativeHoldings.isEmpty)

        #expect(doc.footnotes == [Footnote(id: "F1", text: "Gift.\ncontinued on a second line."), Footnote(id: "F2", text: "Value.")])
        #expect(doc.remarks == "See exhibit.")
        #expect(doc.signatures == [Signature(name: "/s/ Andre Dupont", date: "2022-02-15")])
        #expect(doc.decodedAsWindows1252 == false)
    }

    @Test func windows1252BytesAreDecodedAndFlagged() throws {
        var bytes = Array(Self.minimal.replacingOccurrences(of: "ANDRÉ", with: "ANDR#").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0xC9
        let doc = try TextLayoutParser.parse(bytes)
        #expect(doc.decodedAsWindows1252)
        #expect(doc.reportingOwners.first?.name == "DUPONT ANDRÉ")
    }

    @Test func officerTitleAndOtherTextShareACell() {
        let split = TextLayoutParser.splitTitle
        #expect(split("CEO / Member of group", "true", "true") == ("CEO", "Member of group"))
        #expect(split("EVP / CFO", "true", "false") == ("EVP / CFO", nil))
        #expect(split("Trustee / Adviser", "false", "true") == (nil, "Trustee / Adviser"))
        #expect(split("/ Trustee", nil, nil) == (nil, "Trustee"))
        #expect(split("Chairman /", "false", "true") == ("Chairman", nil))
        #expect(split("Chairman", nil, nil) == ("Chairman", nil))
        #expect(split(nil, "true", "true") == (nil, nil))
    }

    @Test func cityStateZipAndIssuerBrackets() throws {
        func owner(_ csz: String, issuer: String = "8X8 INC /DE/ [ eght ]") throws -> (ReportingOwner, Issuer) {
            let text = "OMB Number: 3235-0287\n1. Name and Address of Reporting Person* A B (Last) (First) (Middle) S (Street) \(csz) (City) (State) (Zip)\t2. Issuer Name and Ticker or Trading Symbol \(issuer)\n"
            let doc = try TextLayoutParser.parse(Array(text.utf8))
            return (try #require(doc.reportingOwners.first), doc.issuer)
        }
        #expect(try owner("SALT LAKE CITY UT 84101-1234").0.city == "SALT LAKE CITY")
        #expect(try owner("TORONTO ONTARIO A6 M5J 2T3").0.zipCode == "M5J 2T3")
        #expect(try owner("SANTA CLARA\t\t65054").0.state == nil)
        #expect(try owner("CA 94025").0.city == nil)
        #expect(try owner("LONDON W1J8AJ").0.zipCode == "W1J8AJ")
        #expect(try owner("X").1 == Issuer(name: "8X8 INC /DE/", tradingSymbol: "eght"))
        #expect(try owner("X", issuer: "NO SYMBOL CORP").1 == Issuer(name: "NO SYMBOL CORP"))
    }
}
