import EdgarCore
import EdgarTransformers
import Testing

/// The mapping rules on small synthetic documents: shapes the corpus does not show.
@Suite struct XMLMappingTests {
    let parser = XMLOwnershipParser()
    typealias H = XMLTestHelpers

    func parse(_ body: String) throws -> OwnershipDocument {
        try parser.parse(H.bytes("<?xml version=\"1.0\"?>\n<ownershipDocument>\(body)</ownershipDocument>"))
    }

    @Test func absentIsNilPresentEmptyIsEmpty() throws {
        let document = try parse("<remarks></remarks><issuer><issuerName/></issuer>")
        #expect(document.remarks == "")
        #expect(document.issuer.name == "")
        #expect(document.issuer.cik == nil)
        #expect(document.schemaVersion == nil)
        #expect(document.reportingOwners.isEmpty && document.signatures.isEmpty && document.footnotes.isEmpty)
    }

    @Test func aRowDoesNotInheritWhatTheRowBeforeCouldNotTake() throws {
        // `transactionTotalValue` has no place in a non-derivative transaction; the next row must start empty.
        let document = try parse("""
            <nonDerivativeTable><nonDerivativeTransaction><transactionAmounts>\
            <transactionTotalValue><value>9</value></transactionTotalValue></transactionAmounts>\
            </nonDerivativeTransaction></nonDerivativeTable>\
            <derivativeTable><derivativeTransaction><securityTitle><value>Option</value></securityTitle>\
            </derivativeTransaction></derivativeTable>
            """)
        #expect(document.nonDerivativeTransactions.count == 1)
        var expected = DerivativeTransaction()
        expected.securityTitle = Field("Option")
        #expect(document.derivativeTransactions == [expected])
    }

    @Test func ownersAndSignaturesStartEmpty() throws {
        let document = try parse("""
            <reportingOwner><reportingOwnerId><rptOwnerName>A</rptOwnerName></reportingOwnerId></reportingOwner>\
            <reportingOwner><reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship>\
            </reportingOwner><ownerSignature><signatureName>A</signatureName></ownerSignature>\
            <ownerSignature><signatureDate>2024-01-02</signatureDate></ownerSignature>
            """)
        #expect(document.reportingOwners.map(\.name) == ["A", nil])
        #expect(document.reportingOwners.map(\.isDirector) == [nil, "1"])
        #expect(document.signatures == [Signature(name: "A"), Signature(date: "2024-01-02")])
    }

    @Test func aDocumentCutShortInsideSectionsLeavesNothingForTheNext() throws {
        #expect(throws: DocumentRejection.self) {
            try parser.parse(H.bytes("""
                <ownershipDocument><reportingOwner><reportingOwnerId><rptOwnerName>A</rptOwnerName>\
                </reportingOwnerId><ownerSignature><signatureName>S</signatureName>\
                <nonDerivativeTransaction><securityTitle><value>T</value></securityTitle>
                """))
        }
        let document = try parse("""
            <reportingOwner/><ownerSignature/><nonDerivativeTable><nonDerivativeTransaction/></nonDerivativeTable>
            """)
        #expect(document.reportingOwners == [ReportingOwner()])
        #expect(document.signatures == [Signature()])
        #expect(document.nonDerivativeTransactions == [NonDerivativeTransaction()])
    }

    @Test func oneCharacterValuesAreTheFiledCharacter() throws {
        let document = try parse("<remarks>x</remarks><documentType>4</documentType><issuer><issuerName>\u{e9}</issuerName></issuer>")
        #expect(document.remarks == "x")
        #expect(document.documentType == "4")
        #expect(document.issuer.name == "\u{e9}")
    }

    @Test func textIsKeptAsFiledNotTrimmed() throws {
        let document = try parse("<remarks>  two  spaces\n</remarks><issuer><issuerName> Acme </issuerName></issuer>")
        #expect(document.remarks == "  two  spaces\n")
        #expect(document.issuer.name == " Acme ")
    }

    @Test func valueContainers() throws {
        let document = try parse("""
            <nonDerivativeTable><nonDerivativeTransaction>
              <securityTitle><value> Common </value><footnoteId id="F2"/><footnoteId id="F1"/></securityTitle>
              <transactionDate><footnoteId id="F3"/></transactionDate>
              <deemedExecutionDate/>
              <transactionTimeliness><value/></transactionTimeliness>
              <transactionAmounts><transactionShares><value>1,000</value></transactionShares></transactionAmounts>
            </nonDerivativeTransaction></nonDerivativeTable>
            """)
        let row = try #require(document.nonDerivativeTransactions.first)
        #expect(row.securityTitle == Field(" Common ", footnoteIDs: ["F2", "F1"]))
        #expect(row.transactionDate == Field(nil, footnoteIDs: ["F3"]))
        #expect(row.deemedExecutionDate == Field())
        #expect(row.timeliness == Field(""))
        #expect(row.shares == Field("1,000"))
        #expect(row.pricePerShare == Field())
        #expect(row.coding == TransactionCoding())  // no transactionCoding: the row is kept, the coding is empty
    }

    @Test func aContainerHoldingTextDirectlyKeepsIt() throws {
        let document = try parse("""
            <nonDerivativeTable><nonDerivativeHolding>
              <securityTitle>Common Stock<footnoteId id="F1"/></securityTitle>
            </nonDerivativeHolding></nonDerivativeTable>
            """)
        #expect(document.nonDerivativeHoldings.first?.securityTitle == Field("Common Stock", footnoteIDs: ["F1"]))
    }

    @Test func codingFootnotesGoToTheCoding() throws {
        let document = try parse("""
            <nonDerivativeTable><nonDerivativeHolding>
              <transactionCoding><transactionFormType>4</transactionFormType><footnoteId id="F7"/></transactionCoding>
            </nonDerivativeHolding></nonDerivativeTable>
            <derivativeTable><derivativeTransaction>
              <transactionCoding><transactionFormType>5</transactionFormType><transactionCode>G</transactionCode>
                <equitySwapInvolved>false</equitySwapInvolved><footnoteId id="F1"/><footnoteId id="F2"/></transactionCoding>
              <transactionAmounts><transactionTotalValue><value>10</value></transactionTotalValue></transactionAmounts>
              <underlyingSecurity><underlyingSecurityValue><value>20</value></underlyingSecurityValue></underlyingSecurity>
              <postTransactionAmounts><valueOwnedFollowingTransaction><value>30</value></valueOwnedFollowingTransaction></postTransactionAmounts>
            </derivativeTransaction></derivativeTable>
            """)
        #expect(document.nonDerivativeHoldings.first?.coding == TransactionCoding(formType: "4", footnoteIDs: ["F7"]))
        let row = try #require(document.derivativeTransactions.first)
        #expect(row.coding == TransactionCoding(formType: "5", code: "G", equitySwapInvolved: "false", footnoteIDs: ["F1", "F2"]))
        #expect(row.totalValue == Field("10"))
        #expect(row.underlyingSecurityValue == Field("20"))
        #expect(row.valueOwnedFollowing == Field("30"))
    }

    @Test func unknownElementsAreRecordedAndOrderDoesNotMatter() throws {
        // X0609 additions, an unknown wrapper, and elements in an unusual order.
        let document = try parse("""
            <ownerSignature><signatureDate>2026-01-02</signatureDate><signatureName>/s/ A</signatureName></ownerSignature>
            <issuer><issuerTradingSymbol>ABC</issuerTradingSymbol><issuerForeignTradingSymbol>XYZ</issuerForeignTradingSymbol>
              <issuerCik>0000000001</issuerCik></issuer>
            <reportingOwner><reportingOwnerAddress><rptOwnerNonUSAddressFlag>true</rptOwnerNonUSAddressFlag>
              <rptOwnerCountry>FR</rptOwnerCountry><rptOwnerCity>Paris</rptOwnerCity></reportingOwnerAddress>
              <reportingOwnerId><rptOwnerName>A</rptOwnerName></reportingOwnerId></reportingOwner>
            <somethingNew><value>ignored</value><footnoteId id="F9"/></somethingNew>
            <documentType>4</documentType>
            <aff10b5One>true</aff10b5One>
            <dateOfOriginalSubmission>2026-01-01</dateOfOriginalSubmission>
            <form3HoldingsReported>0</form3HoldingsReported><form4TransactionsReported>1</form4TransactionsReported>
            """)
        #expect(document.signatures == [Signature(name: "/s/ A", date: "2026-01-02")])
        #expect(document.issuer == Issuer(cik: "0000000001", name: nil, tradingSymbol: "ABC", foreignTradingSymbol: "XYZ"))
        #expect(document.reportingOwners.map(\.name) == ["A"])
        #expect(document.reportingOwners.map(\.city) == ["Paris"])
        #expect(document.reportingOwners.map(\.country) == ["FR"])
        #expect(document.reportingOwners.map(\.nonUSAddressFlag) == ["true"])
        // The wrapper is one unknown element; what it holds is its text, not a value or footnote of anything.
        #expect(document.unknownElements == [UnknownElement(path: "somethingNew", text: "ignored")])
        #expect(document.documentType == "4")
        #expect(document.aff10b5One == "true")
        #expect(document.dateOfOriginalSubmission == "2026-01-01")
        #expect(document.form3HoldingsReported == "0" && document.form4TransactionsReported == "1")
    }

    @Test func leavesCountOnlyInTheirContext() throws {
        // An issuer field inside an owner, a top-level flag nested somewhere else, a coding leaf outside a row.
        let document = try parse("""
            <reportingOwner><issuerCik>9</issuerCik><remarks>nested</remarks></reportingOwner>
            <transactionCode>P</transactionCode>
            """)
        #expect(document.issuer.cik == nil)
        #expect(document.remarks == nil)
        #expect(document.reportingOwners.count == 1)
        #expect(document.nonDerivativeTransactions.isEmpty)
        // Out of their context they are unknown elements: said, not dropped in silence.
        #expect(document.unknownElements.map(\.path) == ["reportingOwner/issuerCik", "reportingOwner/remarks", "transactionCode"])
        #expect(document.unknownElements.map(\.text) == ["9", "nested", "P"])
    }

    @Test func footnotesCollectAllTheirText() throws {
        let document = try parse("""
            <footnotes><footnote id="F1">a <b>bold</b> &amp; <![CDATA[<raw>]]> end</footnote><footnote id="F2"/><footnote>no id</footnote></footnotes>
            """)
        #expect(document.footnotes == [
            Footnote(id: "F1", text: "a bold & <raw> end"), Footnote(id: "F2", text: ""), Footnote(id: "", text: "no id"),
        ])
    }

    @Test func x0101DerivativeSecurityIsATransactionOrAHolding() throws {
        let document = try parse("""
            <derivativeTable>
              <derivativeSecurity><securityTitle><value>Option</value></securityTitle>
                <transactionDate><value>2003-06-30</value></transactionDate>
                <transactionCoding><transactionCode>A</transactionCode></transactionCoding></derivativeSecurity>
              <derivativeSecurity><securityTitle><value>Warrant</value></securityTitle>
                <exerciseDate><value>2004-01-01</value></exerciseDate></derivativeSecurity>
            </derivativeTable>
            """)
        #expect(document.derivativeTransactions.map(\.securityTitle.value) == ["Option"])
        #expect(document.derivativeTransactions.first?.coding.code == "A")
        #expect(document.derivativeHoldings.map(\.securityTitle.value) == ["Warrant"])
        #expect(document.derivativeHoldings.first?.exerciseDate == Field("2004-01-01"))
    }

    @Test func multipleOwnersSignaturesAndRowsKeepDocumentOrder() throws {
        let rows = (1...30).map { "<nonDerivativeHolding><securityTitle><value>S\($0)</value></securityTitle></nonDerivativeHolding>" }
        let document = try parse("""
            <reportingOwner><reportingOwnerId><rptOwnerCik>1</rptOwnerCik></reportingOwnerId></reportingOwner>
            <reportingOwner><reportingOwnerId><rptOwnerCik>2</rptOwnerCik></reportingOwnerId></reportingOwner>
            <nonDerivativeTable>\(rows.joined())</nonDerivativeTable>
            <ownerSignature><signatureName>one</signatureName></ownerSignature>
            <ownerSignature><signatureName>two</signatureName></ownerSignature>
            """)
        #expect(document.reportingOwners.map(\.cik) == ["1", "2"])
        #expect(document.nonDerivativeHoldings.map(\.securityTitle.value) == (1...30).map { "S\($0)" })
        #expect(document.signatures.map(\.name) == ["one", "two"])
    }

    @Test func namespacedRootIsAccepted() throws {
        let document = try parser.parse(H.bytes("<ownershipDocument xmlns=\"urn:x\"><remarks>ns</remarks></ownershipDocument>"))
        #expect(document.remarks == "ns")
    }
}
