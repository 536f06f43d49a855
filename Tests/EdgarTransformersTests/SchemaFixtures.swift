import EdgarCore
import Foundation
import Testing

@testable import EdgarTransformers

/// Rows produced by the real `RowEncoder` for the schema tests: one filing with a value in every column, one with
/// null wherever a null can be written, and two rejects (full and sparse).
enum SchemaFixtures {
    /// One encoded row: its table, the NDJSON line (without `\n`) and the partition folder it would be written to.
    struct Row {
        var table: Table
        var line: String
        var partition: String
    }

    static let encoder = RowEncoder(parserVersion: "test/1")

    /// Every column of every data table holds a value. The unknown transaction code `Q` is kept (upper-cased) with an
    /// `unknown_code` issue, so `issues` is not empty either.
    static func fullDocument() -> OwnershipDocument {
        var d = OwnershipDocument(layout: .xml)
        d.schemaVersion = "X0508"
        d.documentType = "4/A"
        d.periodOfReport = "2003-11-10"
        d.dateOfOriginalSubmission = "11/01/2003"
        d.noSecuritiesOwned = "0"
        d.notSubjectToSection16 = "1"
        d.form3HoldingsReported = "false"
        d.form4TransactionsReported = "TRUE"
        d.aff10b5One = "1"
        d.issuer = Issuer(cik: "1023731", name: "ACME CORP", tradingSymbol: "ACME", foreignTradingSymbol: "ACME.L")
        d.remarks = "Remarks as filed."
        d.unknownElements = [UnknownElement(path: "issuer/issuerNewThing", text: "new")]

        var owner = ReportingOwner()
        owner.cik = "1234567"
        owner.name = "DOE JOHN"
        owner.street1 = "1 MAIN ST"
        owner.street2 = "SUITE 5"
        owner.city = "SPRINGFIELD"
        owner.state = "IL"
        owner.zipCode = "62701"
        owner.stateDescription = "ILLINOIS"
        owner.nonUSAddressFlag = "false"
        owner.nonUSStateTerritory = "ILE-DE-FRANCE"
        owner.country = "FR"
        owner.isDirector = "1"
        owner.isOfficer = "1"
        owner.isTenPercentOwner = "0"
        owner.isOther = "1"
        owner.officerTitle = "Chief Executive Officer"
        owner.otherText = "Trustee"
        d.reportingOwners = [owner]

        var sale = NonDerivativeTransaction()
        sale.securityTitle = Field("Common Stock", footnoteIDs: ["F1"])
        sale.transactionDate = Field("2003-11-10")
        sale.deemedExecutionDate = Field("2003-11-11")
        sale.coding = TransactionCoding(formType: "4", code: "q", equitySwapInvolved: "0", footnoteIDs: ["F1"])
        sale.timeliness = Field("E")
        sale.shares = Field("12629.042")
        sale.pricePerShare = Field("3.9459", footnoteIDs: ["F1", "F2"])
        sale.acquiredDisposedCode = Field("D")
        sale.sharesOwnedFollowing = Field("999999999999.9999")
        sale.valueOwnedFollowing = Field("0.000000000000000001")
        sale.directOrIndirect = Field("I")
        sale.natureOfOwnership = Field("By Trust")
        d.nonDerivativeTransactions = [sale]

        var held = NonDerivativeHolding()
        held.securityTitle = Field("Common Stock")
        held.coding = TransactionCoding(formType: "5", footnoteIDs: ["F2"])
        held.sharesOwnedFollowing = Field("58,000")
        held.valueOwnedFollowing = Field("$0.85")
        held.directOrIndirect = Field("D")
        held.natureOfOwnership = Field("Direct")
        d.nonDerivativeHoldings = [held]

        var option = DerivativeTransaction()
        option.securityTitle = Field("Stock Option (right to buy)")
        option.conversionOrExercisePrice = Field("12.50")
        option.transactionDate = Field("20031110")
        option.deemedExecutionDate = Field("2003-11-11-05:00")
        option.coding = TransactionCoding(formType: "5", code: "M", equitySwapInvolved: "true")
        option.timeliness = Field("L")
        option.shares = Field("500")
        option.totalValue = Field("$1,234.56")
        option.pricePerShare = Field(".5")
        option.acquiredDisposedCode = Field("A")
        option.exerciseDate = Field("01/15/2004", footnoteIDs: ["F2"])
        option.expirationDate = Field("2013-11-10")
        option.underlyingSecurityTitle = Field("Common Stock")
        option.underlyingSecurityShares = Field("1.23E+03")
        option.underlyingSecurityValue = Field("6150")
        option.sharesOwnedFollowing = Field("196.356")
        option.valueOwnedFollowing = Field("2453.45")
        option.directOrIndirect = Field("D")
        option.natureOfOwnership = Field("Direct")
        d.derivativeTransactions = [option]

        var warrant = DerivativeHolding()
        warrant.securityTitle = Field("Warrant")
        warrant.conversionOrExercisePrice = Field("1.25")
        warrant.coding = TransactionCoding(formType: "3")
        warrant.exerciseDate = Field("2004-01-15")
        warrant.expirationDate = Field("2009-01-15")
        warrant.underlyingSecurityTitle = Field("Common Stock")
        warrant.underlyingSecurityShares = Field("1200")
        warrant.underlyingSecurityValue = Field("1500")
        warrant.sharesOwnedFollowing = Field("1200")
        warrant.valueOwnedFollowing = Field("1500")
        warrant.directOrIndirect = Field("D")
        warrant.natureOfOwnership = Field("Direct")
        d.derivativeHoldings = [warrant]

        d.footnotes = [Footnote(id: "F1", text: "Weighted average."), Footnote(id: "F2", text: "Held by trust.")]
        d.signatures = [Signature(name: "/s/ John Doe", date: "2003-11-12")]
        return d
    }

    /// Only what makes a filing: everything else absent, so every nullable column is null. No envelope and no
    /// accession in the name, so `filing_id` is the `sha256:` form and the partition is unknown.
    static func sparseDocument() -> OwnershipDocument {
        var d = OwnershipDocument(layout: .text)
        d.documentType = "3"
        d.issuer = Issuer(name: "ACME CORP")
        d.reportingOwners = [ReportingOwner()]
        d.nonDerivativeTransactions = [NonDerivativeTransaction()]
        d.nonDerivativeHoldings = [NonDerivativeHolding()]
        d.derivativeTransactions = [DerivativeTransaction()]
        d.derivativeHoldings = [DerivativeHolding()]
        d.footnotes = [Footnote(id: " ", text: nil)]
        d.signatures = [Signature()]
        return d
    }

    static let fullSource = SourceRef(
        archive: "feed/20031112.nc.tar.gz", member: "0001181431-03-041285.nc", documentSequence: "1")
    static let sparseSource = SourceRef(archive: "loose/form3.txt")

    static func fullRows() throws -> [Row] {
        let extracted = RowsFixtures.extracted(documentType: "4/A", source: fullSource)
        return rows(of: try encoder.encode(fullDocument(), from: extracted))
    }

    static func sparseRows() throws -> [Row] {
        let extracted = RowsFixtures.extracted(
            envelope: nil, documentType: nil, source: sparseSource, layout: .text, body: Array("FORM 3".utf8))
        return rows(of: try encoder.encode(sparseDocument(), from: extracted))
    }

    static func rejectRows() -> [Row] {
        let full = Reject(
            source: fullSource, filingID: "0001181431-03-041285", stage: .transform, code: .malformedXML,
            message: "line 3: 'it''s' unexpected", excerpt: "<ownershipDocument>")
        let sparse = Reject(source: sparseSource, stage: .read, code: .unreadableInput, message: "no such file")
        return [full, sparse].map { reject in
            let bytes = encoder.encodeReject(reject)
            return Row(table: .rejects, line: String(decoding: bytes.dropLast(), as: UTF8.self), partition: "year=unknown/month=unknown")
        }
    }

    static func rows(of filing: EncodedFiling) -> [Row] {
        Table.dataTables.flatMap { table in
            RowsFixtures.lines(filing.tables[table]).map { Row(table: table, line: $0, partition: filing.partition.path) }
        }
    }

    /// The top-level values of a line that are JSON null, by column name.
    static func nullColumns(_ line: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return object.filter { $0.value is NSNull }.map(\.key).sorted()
    }
}
