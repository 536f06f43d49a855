import EdgarCore
import Testing

@testable import EdgarTransformers

/// The elements of the published ownership schemas X0101…X0609 (the survey of issue 13): every one is read into a
/// column or is a documented ignore, so none of them is an `unknown_element`.
@Suite struct XMLSchemaSurveyTests {
    let parser = XMLOwnershipParser()

    func parse(_ body: String) throws -> OwnershipDocument {
        try parser.parse(Array("<?xml version=\"1.0\"?>\n<ownershipDocument>\(body)</ownershipDocument>".utf8))
    }

    static func container(_ name: String, _ value: String) -> String {
        "<\(name)><value>\(value)</value><footnoteId id=\"F1\"/></\(name)>"
    }

    /// A row with every element a Table I or II row has had, in any era.
    static func row(_ tag: String) -> String {
        let c = container
        return """
            <\(tag)>\(c("securityTitle", "Common Stock"))\(c("conversionOrExercisePrice", "1.5"))\
            \(c("transactionDate", "2026-08-17"))\(c("deemedExecutionDate", "2026-08-17"))
            <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode>
            <equitySwapInvolved>0</equitySwapInvolved><footnoteId id="F1"/></transactionCoding>
            \(c("transactionTimeliness", ""))
            <transactionAmounts>\(c("transactionShares", "10"))\(c("transactionTotalValue", "10"))\
            \(c("transactionPricePerShare", "2"))\(c("transactionAcquiredDisposedCode", "D"))</transactionAmounts>
            \(c("exerciseDate", "2027-01-01"))\(c("expirationDate", "2030-01-01"))
            <underlyingSecurity>\(c("underlyingSecurityTitle", "Common Stock"))\(c("underlyingSecurityShares", "10"))\
            \(c("underlyingSecurityValue", "10"))</underlyingSecurity>
            <postTransactionAmounts>\(c("sharesOwnedFollowingTransaction", "5"))\
            \(c("valueOwnedFollowingTransaction", "5"))</postTransactionAmounts>
            <ownershipNature>\(c("directOrIndirectOwnership", "I"))\(c("natureOfOwnership", "By trust"))</ownershipNature>
            </\(tag)>
            """
    }

    @Test func everyElementOfEverySchemaVersionIsKnown() throws {
        let document = try parse("""
            <schemaVersion>X0609</schemaVersion><documentType>5/A</documentType><periodOfReport>2026-08-17</periodOfReport>
            <dateOfOriginalSubmission>2026-08-18</dateOfOriginalSubmission><noSecuritiesOwned>0</noSecuritiesOwned>
            <notSubjectToSection16>0</notSubjectToSection16><form3HoldingsReported>1</form3HoldingsReported>
            <form4TransactionsReported>1</form4TransactionsReported>
            <issuer><issuerCik>1</issuerCik><issuerName>A</issuerName><issuerTradingSymbol>A</issuerTradingSymbol>
            <issuerForeignTradingSymbol>A.L</issuerForeignTradingSymbol></issuer>
            <reportingOwner>
              <reportingOwnerId><rptOwnerCik>2</rptOwnerCik><rptOwnerCcc>abc#1234</rptOwnerCcc><rptOwnerName>B</rptOwnerName></reportingOwnerId>
              <reportingOwnerAddress><rptOwnerNonUSAddressFlag>1</rptOwnerNonUSAddressFlag><rptOwnerStreet1>S1</rptOwnerStreet1>
              <rptOwnerStreet2>S2</rptOwnerStreet2><rptOwnerCity>C</rptOwnerCity>
              <rptOwnerNonUSStateTerritory>T</rptOwnerNonUSStateTerritory><rptOwnerState>X0</rptOwnerState>
              <rptOwnerCountry>GB</rptOwnerCountry><rptOwnerZipCode>Z</rptOwnerZipCode>
              <rptOwnerStateDescription>UNITED KINGDOM</rptOwnerStateDescription><rptOwnerGoodAddress>1</rptOwnerGoodAddress>
              </reportingOwnerAddress>
              <reportingOwnerRelationship><isDirector>1</isDirector><isOfficer>1</isOfficer><isTenPercentOwner>0</isTenPercentOwner>
              <isOther>1</isOther><officerTitle>CEO</officerTitle><otherText>Trustee</otherText></reportingOwnerRelationship>
            </reportingOwner>
            <aff10b5One>1</aff10b5One>
            <nonDerivativeTable>\(Self.row("nonDerivativeTransaction"))\(Self.row("nonDerivativeHolding"))</nonDerivativeTable>
            <derivativeTable>\(Self.row("derivativeTransaction"))\(Self.row("derivativeHolding"))</derivativeTable>
            \(Self.row("nonDerivativeSecurity"))\(Self.row("derivativeSecurity"))
            <footnotes><footnote id="F1">Text with <b>markup</b>.</footnote></footnotes>
            <remarks>Remarks</remarks>
            <ownerSignature><signatureName>/s/ B</signatureName><signatureDate>2026-08-18</signatureDate></ownerSignature>
            """)
        #expect(document.unknownElements == [])
        #expect(document.nonDerivativeTransactions.count == 2 && document.derivativeTransactions.count == 2)
        #expect(document.nonDerivativeHoldings.count == 1 && document.derivativeHoldings.count == 1)
    }

    /// X0101 (2003): rows filed as `nonDerivativeSecurity` / `derivativeSecurity` directly under the root, the price
    /// per share as `transactionValue`. Before the survey a `nonDerivativeSecurity` row was dropped in silence.
    @Test func x0101FlatRowsAndTransactionValue() throws {
        let document = try parse("""
            <schemaVersion>X0101</schemaVersion><documentType>4</documentType><periodOfReport>2003-06-09</periodOfReport>
            <issuer><issuerCik>0001000015</issuerCik><issuerName>META GROUP INC</issuerName></issuer>
            <nonDerivativeSecurity>
              <securityTitle><value>Common Stock</value></securityTitle><transactionDate><value>2003-06-09</value></transactionDate>
              <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode></transactionCoding>
              <transactionAmounts><transactionShares><value>3100</value></transactionShares>
              <transactionValue><value>3.8</value></transactionValue>
              <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
              <postTransactionAmounts><sharesOwnedFollowingTransaction><value>10000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
              <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
            </nonDerivativeSecurity>
            <nonDerivativeSecurity>
              <securityTitle><value>Common Stock</value></securityTitle>
              <postTransactionAmounts><sharesOwnedFollowingTransaction><value>500</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
              <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
              <natureOfOwnership><value>By spouse</value></natureOfOwnership></ownershipNature>
            </nonDerivativeSecurity>
            """)
        #expect(document.unknownElements == [])
        let sale = try #require(document.nonDerivativeTransactions.first)
        #expect(sale.coding.code == "S")
        #expect(sale.shares == Field("3100"))
        #expect(sale.pricePerShare == Field("3.8"))
        #expect(sale.sharesOwnedFollowing == Field("10000"))
        #expect(document.nonDerivativeHoldings.map(\.natureOfOwnership) == [Field("By spouse")])
    }
}
