import EdgarCore
import EdgarTestSupport
import Testing

@testable import EdgarTransformers

/// (1.1) A footnote reference standing directly in a group element is kept under the group's snake_case key.
@Suite struct XMLGroupFootnoteTests {
    static let xml = """
        <?xml version="1.0"?>
        <ownershipDocument><schemaVersion>X0306</schemaVersion><documentType>4</documentType>
        <periodOfReport>2020-10-15</periodOfReport>
        <issuer><issuerCik>0000875320</issuerCik><issuerName>Vertex</issuerName></issuer>
        <nonDerivativeTable><nonDerivativeTransaction>
          <securityTitle><value>Common Stock</value></securityTitle>
          <transactionDate><value>2020-10-15</value></transactionDate>
          <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
          <transactionAmounts><footnoteId id="F2"/>
            <transactionShares><value>100</value><footnoteId id="F3"/></transactionShares>
            <transactionPricePerShare><value>10</value></transactionPricePerShare>
            <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            <footnoteId id="F4"/>
          </transactionAmounts>
          <postTransactionAmounts><footnoteId id="F5"/><sharesOwnedFollowingTransaction><value>5</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
          <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><footnoteId id="F6"/></ownershipNature>
        </nonDerivativeTransaction></nonDerivativeTable>
        <derivativeTable><derivativeHolding>
          <securityTitle><value>Option</value></securityTitle>
          <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle><footnoteId id="F7"/></underlyingSecurity>
          <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
        </derivativeHolding></derivativeTable>
        </ownershipDocument>
        """

    @Test func groupFootnotesAreKeptUnderTheGroupKey() throws {
        let bytes = Array(Self.xml.utf8)
        let document = try XMLOwnershipParser().parse(bytes)
        let rows = try LayoutAgreement.rows(
            RowEncoder().encode(document, from: LayoutAgreementTests.extracted(bytes, layout: .xml, envelope: nil)))
        let transaction = try #require(rows[.nonDerivativeTransactions]?.first)
        #expect(transaction["footnote_ids"] == .object([
            "transaction_code": .array([.string("F1")]),
            "shares": .array([.string("F3")]),
            "transaction_amounts": .array([.string("F2"), .string("F4")]),
            "post_transaction_amounts": .array([.string("F5")]),
            "ownership_nature": .array([.string("F6")]),
        ]))
        let holding = try #require(rows[.derivativeHoldings]?.first)
        #expect(holding["footnote_ids"] == .object(["underlying_security": .array([.string("F7")])]))
    }
}
