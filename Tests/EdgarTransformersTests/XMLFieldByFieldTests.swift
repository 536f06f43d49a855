import EdgarCore
import EdgarTestSupport
import EdgarTransformers
import Testing

/// Real filings checked field by field against their XML, with the expected values written out by hand.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct XMLFieldByFieldTests {
    let parser = XMLOwnershipParser()
    typealias H = XMLTestHelpers

    static func owner(
        cik: String, name: String, street1: String, street2: String?, city: String, state: String, zip: String,
        stateDescription: String?, director: String, officer: String, tenPercent: String, other: String,
        officerTitle: String? = nil, otherText: String? = nil
    ) -> ReportingOwner {
        var owner = ReportingOwner()
        owner.cik = cik
        owner.name = name
        owner.street1 = street1
        owner.street2 = street2
        owner.city = city
        owner.state = state
        owner.zipCode = zip
        owner.stateDescription = stateDescription
        owner.isDirector = director
        owner.isOfficer = officer
        owner.isTenPercentOwner = tenPercent
        owner.isOther = other
        owner.officerTitle = officerTitle
        owner.otherText = otherText
        return owner
    }

    /// Form 4, X0306: one derivative transaction whose price and dates are given only as footnotes.
    @Test func vertexDerivativeOnlyValuesAsFootnotes() throws {
        let document = try parser.parse(try H.corpusFile("real/xml", "form4_vertex_X0306_derivative_only_values_as_footnotes.xml"))

        var expected = OwnershipDocument(layout: .xml)
        expected.schemaVersion = "X0306"
        expected.documentType = "4"
        expected.periodOfReport = "2020-10-15"
        expected.notSubjectToSection16 = "0"
        expected.issuer = Issuer(cik: "0000875320", name: "VERTEX PHARMACEUTICALS INC / MA", tradingSymbol: "VRTX")
        expected.reportingOwners = [
            Self.owner(
                cik: "0001197036", name: "SACHS BRUCE I", street1: "C/O VERTEX PHARMACEUTICALS INCORPORATED",
                street2: "50 NORTHERN AVENUE", city: "BOSTON", state: "MA", zip: "02210", stateDescription: "",
                director: "1", officer: "0", tenPercent: "0", other: "0")
        ]
        var row = DerivativeTransaction()
        row.securityTitle = Field("Deferred Stock Units")
        row.conversionOrExercisePrice = Field(nil, footnoteIDs: ["F1"])
        row.transactionDate = Field("2020-10-15")
        row.deemedExecutionDate = Field()  // `<deemedExecutionDate></deemedExecutionDate>`: no <value>
        row.coding = TransactionCoding(formType: "4", code: "A", equitySwapInvolved: "0")
        row.timeliness = Field("")  // `<transactionTimeliness><value></value></transactionTimeliness>`
        row.shares = Field("196.356")
        row.pricePerShare = Field("222.81")
        row.acquiredDisposedCode = Field("A")
        row.exerciseDate = Field(nil, footnoteIDs: ["F1"])
        row.expirationDate = Field(nil, footnoteIDs: ["F1"])
        row.underlyingSecurityTitle = Field("Common Stock")
        row.underlyingSecurityShares = Field("196.356")
        row.sharesOwnedFollowing = Field("12629.042")
        row.directOrIndirect = Field("D")
        expected.derivativeTransactions = [row]
        expected.footnotes = [
            Footnote(
                id: "F1",
                text: "Each deferred stock unit represents one share of common stock and is paid out in common stock "
                    + "upon the earliest to occur of (i) termination of Mr. Sachs' service on our board of directors, "
                    + "(ii) a change of control of our company and (iii) Mr. Sachs' disability or death.")
        ]
        expected.remarks = ""
        expected.signatures = [Signature(name: "/s/ Sabrina Yohai, Attorney-in-Fact", date: "2020-10-19")]

        #expect(document == expected)
    }

    /// Form 4, X0508 (2025), inside a complete-submission .txt: deemed execution date, a bare empty
    /// timeliness, `&amp;` in the officer title, aff10b5One after the owner.
    @Test func innsuitesDeemedExecution2025() throws {
        let xml = try H.corpusEnvelopeXML("real/txt", "0001493152-25-015819_form4_2025_X0508_deemed_exec_bad_price.txt")
        let document = try parser.parse(xml)

        var expected = OwnershipDocument(layout: .xml)
        expected.schemaVersion = "X0508"
        expected.documentType = "4"
        expected.periodOfReport = "2025-09-25"
        expected.notSubjectToSection16 = "0"
        expected.aff10b5One = "1"
        expected.issuer = Issuer(cik: "0000082473", name: "INNSUITES HOSPITALITY TRUST", tradingSymbol: "IHT")
        expected.reportingOwners = [
            Self.owner(
                cik: "0001055365", name: "WIRTH JAMES F", street1: "5700 E, GLENN DR.", street2: "",
                city: "PARADISE VALLEY", state: "AZ", zip: "85253", stateDescription: "", director: "0", officer: "1",
                tenPercent: "1", other: "1", officerTitle: "President & CEO", otherText: "Chairman")
        ]
        var row = NonDerivativeTransaction()
        row.securityTitle = Field("INNSUITES HOSPITALITY REIT")
        row.transactionDate = Field("2025-09-25")
        row.deemedExecutionDate = Field("2025-09-26")
        row.coding = TransactionCoding(formType: "4", code: "S", equitySwapInvolved: "0")
        row.timeliness = Field()  // `<transactionTimeliness></transactionTimeliness>`
        row.shares = Field("12500")
        row.pricePerShare = Field("22625")
        row.acquiredDisposedCode = Field("D")
        row.sharesOwnedFollowing = Field("6226796")
        row.directOrIndirect = Field("I")
        row.natureOfOwnership = Field("By Spouse")
        expected.nonDerivativeTransactions = [row]
        expected.signatures = [Signature(name: "/s/ James F. Wirth", date: "2025-09-26")]

        #expect(document == expected)
    }

    /// Form 3, X0206, no XML declaration: two owners, one holding, a multi-line footnote, `<remarks/>`.
    @Test func snowflakeForm3TwoOwners() throws {
        let document = try parser.parse(try H.corpusFile("real/xml", "form3_snow_X0206_two_owners.xml"))

        var expected = OwnershipDocument(layout: .xml)
        expected.schemaVersion = "X0206"
        expected.documentType = "3"
        expected.periodOfReport = "2020-09-18"
        expected.noSecuritiesOwned = "0"
        expected.issuer = Issuer(cik: "0001640147", name: "Snowflake Inc.", tradingSymbol: "SNOW")
        expected.reportingOwners = [
            Self.owner(
                cik: "0001067983", name: "BERKSHIRE HATHAWAY INC", street1: "3555 FARNAM STREET", street2: "",
                city: "OMAHA", state: "NE", zip: "68131", stateDescription: "", director: "0", officer: "0",
                tenPercent: "1", other: "0"),
            Self.owner(
                cik: "0000315090", name: "BUFFETT WARREN E", street1: "3555 FARNAM STREET", street2: "",
                city: "OMAHA", state: "NE", zip: "68131", stateDescription: "", director: "0", officer: "0",
                tenPercent: "1", other: "0"),
        ]
        var holding = NonDerivativeHolding()
        holding.securityTitle = Field("Class A Common Stock")
        holding.sharesOwnedFollowing = Field("6125376")
        holding.directOrIndirect = Field("I")
        holding.natureOfOwnership = Field("See footnote", footnoteIDs: ["F1"])
        expected.nonDerivativeHoldings = [holding]
        let indent = "\n            "
        expected.footnotes = [
            Footnote(
                id: "F1",
                text: "The reported securities are owned directly by Columbia Insurance Company, a subsidiary of"
                    + indent + "Berkshire Hathaway Inc. (\"Berkshire\"). As Berkshire is in the chain of ownership of such subsidiary listed"
                    + indent + "above, it may be deemed presently to both beneficially own and have a pecuniary interest in all shares of"
                    + indent + "Common Stock presently directly owned by such subsidiary. Warren E. Buffett, as the controlling stockholder"
                    + indent + "of Berkshire, may be deemed presently to beneficially own, but only to the extent he has a pecuniary"
                    + indent + "interest in, the shares of Common Stock presently owned by such subsidiary. Mr. Buffett disclaims beneficial"
                    + indent + "ownership of the reported securities except to the extent of his pecuniary interest therein."
                    + "\n        ")
        ]
        expected.remarks = ""
        expected.signatures = [
            Signature(
                name: "/s/ Warren E. Buffett, on behalf of himself and each other reporting person hereunder\n        ",
                date: "2020-09-28")
        ]

        #expect(document == expected)
    }

    /// Form 4, X0306, no XML declaration: 6 transactions, 8 holdings, 1 derivative transaction, 16 footnotes,
    /// footnotes inside `transactionCoding`.
    @Test func snowflakeForm4ManyRows() throws {
        let document = try parser.parse(try H.corpusFile("real/xml", "form4_snow_X0306_multi_tx_deriv_holdings.xml"))

        #expect(document.schemaVersion == "X0306")
        #expect(document.documentType == "4")
        #expect(document.periodOfReport == "2022-12-13")
        #expect(document.notSubjectToSection16 == "0")
        #expect(document.dateOfOriginalSubmission == nil && document.noSecuritiesOwned == nil && document.aff10b5One == nil)
        #expect(document.form3HoldingsReported == nil && document.form4TransactionsReported == nil)
        #expect(document.issuer == Issuer(cik: "0001640147", name: "Snowflake Inc.", tradingSymbol: "SNOW"))
        #expect(document.reportingOwners == [
            Self.owner(
                cik: "0001402349", name: "Scarpelli Michael", street1: "C/O SNOWFLAKE INC.",
                street2: "106 EAST BABCOCK STREET, SUITE 3A", city: "BOZEMAN", state: "MT", zip: "59715",
                stateDescription: "", director: "0", officer: "1", tenPercent: "0", other: "0",
                officerTitle: "Chief Financial Officer", otherText: "")
        ])

        // (code, coding footnotes, shares, price, price footnotes, A/D, owned after, owned-after footnotes)
        let transactions: [(String, [String], String, String, [String], String, String, [String])] = [
            ("M", [], "200000", "8.88", [], "A", "301097", ["F1"]),
            ("S", ["F2"], "73170", "150.841", ["F3"], "D", "227927", []),
            ("S", ["F2"], "74907", "151.814", ["F4"], "D", "153020", []),
            ("S", ["F2"], "41986", "152.655", ["F5"], "D", "111034", []),
            ("S", ["F2"], "5496", "153.872", ["F6"], "D", "105538", []),
            ("S", ["F2"], "4441", "154.76", ["F7"], "D", "101097", []),
        ]
        try #require(document.nonDerivativeTransactions.count == transactions.count)
        for (row, t) in zip(document.nonDerivativeTransactions, transactions) {
            var expected = NonDerivativeTransaction()
            expected.securityTitle = Field("Class A Common Stock")
            expected.transactionDate = Field("2022-12-13")
            expected.coding = TransactionCoding(formType: "4", code: t.0, equitySwapInvolved: "0", footnoteIDs: t.1)
            expected.shares = Field(t.2)
            expected.pricePerShare = Field(t.3, footnoteIDs: t.4)
            expected.acquiredDisposedCode = Field(t.5)
            expected.sharesOwnedFollowing = Field(t.6, footnoteIDs: t.7)
            expected.directOrIndirect = Field("D")
            #expect(row == expected)
        }

        let holdings: [(String, String)] = [
            ("577218", "F8"), ("178947", "F9"), ("9686", "F10"), ("2755", "F11"), ("9686", "F12"), ("2755", "F13"),
            ("9686", "F14"), ("2755", "F15"),
        ]
        try #require(document.nonDerivativeHoldings.count == holdings.count)
        for (row, h) in zip(document.nonDerivativeHoldings, holdings) {
            var expected = NonDerivativeHolding()
            expected.securityTitle = Field("Class A Common Stock")
            expected.sharesOwnedFollowing = Field(h.0)
            expected.directOrIndirect = Field("I")
            expected.natureOfOwnership = Field("Trust", footnoteIDs: [h.1])
            #expect(row == expected)
        }

        var option = DerivativeTransaction()
        option.securityTitle = Field("Stock Option (Right to Buy)")
        option.conversionOrExercisePrice = Field("8.88")
        option.transactionDate = Field("2022-12-13")
        option.coding = TransactionCoding(formType: "4", code: "M", equitySwapInvolved: "0")
        option.shares = Field("200000")
        option.pricePerShare = Field("0")
        option.acquiredDisposedCode = Field("A")
        option.exerciseDate = Field(nil, footnoteIDs: ["F16"])
        option.expirationDate = Field("2029-08-26")
        option.underlyingSecurityTitle = Field("Class A Common Stock")
        option.underlyingSecurityShares = Field("200000.0")
        option.sharesOwnedFollowing = Field("2219299")
        option.directOrIndirect = Field("D")
        #expect(document.derivativeTransactions == [option])
        #expect(document.derivativeHoldings.isEmpty)

        #expect(document.footnotes.map(\.id) == (1...16).map { "F\($0)" })
        #expect(document.footnotes.first?.text
            == "Includes shares to be issued in connection with the vesting of one or more restricted stock\n            units.\n        ")
        #expect(document.footnotes.last?.text
            == "The shares subject to the option are immediately exercisable and vest in 48 equal monthly\n"
            + "            installments beginning on August 19, 2019, subject to Reporting Person's continuous service through each\n"
            + "            such vesting date.\n        ")
        // F9 in whitespace-collapsed form: the text is kept whole, line breaks included.
        #expect(document.footnotes[8].text?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            == "The shares are held by the Scarpelli Family Trust for which the Reporting Person is a trustee.")
        #expect(document.remarks == "")
        #expect(document.signatures == [Signature(name: "/s/ Travis Shrout, Attorney-in-Fact", date: "2022-12-14")])
        #expect(!document.decodedAsWindows1252)
        #expect(document.layout == .xml)
    }
}
