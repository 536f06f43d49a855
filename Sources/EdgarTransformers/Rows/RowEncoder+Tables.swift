import EdgarCore

/// One function per table: each writes the values in its `ColumnList` order with the rule of each column.
///
/// Rows come as pointers into the document's arrays: passed by value (even `borrowing`), every row struct was
/// copied, retaining and then releasing each of its strings and arrays.
extension RowEncoder {
    func writeFiling(
        _ d: OwnershipDocument, _ extracted: ExtractedDocument, filingID: String, accession: String?, formType: String,
        to rows: inout RowWriter
    ) {
        rows.beginRow(Columns.filings)
        rows.verbatim(filingID)
        rows.verbatim(accession)
        rows.verbatim(formType)
        rows.verbatim(d.layout.rawValue)
        rows.string(d.schemaVersion)
        rows.date(d.periodOfReport)
        rows.date(d.dateOfOriginalSubmission)
        rows.envelopeDate(extracted.envelope?.filingDate)
        rows.envelopeDatetime(extracted.envelope?.acceptanceDatetime)
        rows.cik(d.issuer.cik)
        rows.string(d.issuer.name)
        rows.string(d.issuer.tradingSymbol)
        rows.string(d.issuer.foreignTradingSymbol)
        rows.boolean(d.noSecuritiesOwned)
        rows.boolean(d.notSubjectToSection16)
        rows.boolean(d.form3HoldingsReported)
        rows.boolean(d.form4TransactionsReported)
        rows.boolean(d.aff10b5One)
        rows.string(d.remarks)
        rows.source(extracted.source)
        rows.verbatim(parserVersion)
        if let error = d.recoveredXMLError { rows.documentIssue(.recoveredXML, raw: error) }
        for unknown in d.unknownElements {
            rows.issue(field: unknown.path, .unknownElement, raw: unknown.text)
        }
        rows.endRow()
    }

    func writeOwner(_ o: UnsafePointer<ReportingOwner>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.reportingOwners)
        rows.verbatim(filingID)
        rows.index(index)
        rows.cik(o.pointee.cik)
        rows.string(o.pointee.name)
        rows.string(o.pointee.street1)
        rows.string(o.pointee.street2)
        rows.string(o.pointee.city)
        rows.string(o.pointee.state)
        rows.string(o.pointee.zipCode)
        rows.string(o.pointee.stateDescription)
        rows.boolean(o.pointee.nonUSAddressFlag)
        rows.string(o.pointee.nonUSStateTerritory)
        rows.string(o.pointee.country)
        rows.boolean(o.pointee.isDirector)
        rows.boolean(o.pointee.isOfficer)
        rows.boolean(o.pointee.isTenPercentOwner)
        rows.boolean(o.pointee.isOther)
        rows.string(o.pointee.officerTitle)
        rows.string(o.pointee.otherText)
        rows.endRow()
    }

    func writeTransaction(_ t: UnsafePointer<NonDerivativeTransaction>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.nonDerivativeTransactions)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(t.pointee.securityTitle)
        rows.date(t.pointee.transactionDate)
        rows.date(t.pointee.deemedExecutionDate)
        writeCoding(t.pointee.coding, to: &rows)
        rows.code(t.pointee.timeliness, in: .timeliness)
        rows.decimal(t.pointee.shares)
        rows.decimal(t.pointee.pricePerShare)
        rows.code(t.pointee.acquiredDisposedCode, in: .acquiredDisposed)
        rows.decimal(t.pointee.sharesOwnedFollowing)
        rows.decimal(t.pointee.valueOwnedFollowing)
        rows.code(t.pointee.directOrIndirect, in: .directIndirect)
        rows.string(t.pointee.natureOfOwnership)
        rows.groupFootnotes(t.pointee.groupFootnotes)
        rows.endRow()
    }

    func writeHolding(_ h: UnsafePointer<NonDerivativeHolding>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.nonDerivativeHoldings)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(h.pointee.securityTitle)
        rows.code(h.pointee.coding.formType, in: nil, footnotes: h.pointee.coding.footnoteIDs)
        rows.decimal(h.pointee.sharesOwnedFollowing)
        rows.decimal(h.pointee.valueOwnedFollowing)
        rows.code(h.pointee.directOrIndirect, in: .directIndirect)
        rows.string(h.pointee.natureOfOwnership)
        rows.groupFootnotes(h.pointee.groupFootnotes)
        rows.endRow()
    }

    func writeTransaction(_ t: UnsafePointer<DerivativeTransaction>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.derivativeTransactions)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(t.pointee.securityTitle)
        rows.decimal(t.pointee.conversionOrExercisePrice)
        rows.date(t.pointee.transactionDate)
        rows.date(t.pointee.deemedExecutionDate)
        writeCoding(t.pointee.coding, to: &rows)
        rows.code(t.pointee.timeliness, in: .timeliness)
        rows.decimal(t.pointee.shares)
        rows.decimal(t.pointee.totalValue)
        rows.decimal(t.pointee.pricePerShare)
        rows.code(t.pointee.acquiredDisposedCode, in: .acquiredDisposed)
        rows.date(t.pointee.exerciseDate)
        rows.date(t.pointee.expirationDate)
        rows.string(t.pointee.underlyingSecurityTitle)
        rows.decimal(t.pointee.underlyingSecurityShares)
        rows.decimal(t.pointee.underlyingSecurityValue)
        rows.decimal(t.pointee.sharesOwnedFollowing)
        rows.decimal(t.pointee.valueOwnedFollowing)
        rows.code(t.pointee.directOrIndirect, in: .directIndirect)
        rows.string(t.pointee.natureOfOwnership)
        rows.groupFootnotes(t.pointee.groupFootnotes)
        rows.endRow()
    }

    func writeHolding(_ h: UnsafePointer<DerivativeHolding>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.derivativeHoldings)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(h.pointee.securityTitle)
        rows.decimal(h.pointee.conversionOrExercisePrice)
        rows.code(h.pointee.coding.formType, in: nil, footnotes: h.pointee.coding.footnoteIDs)
        rows.date(h.pointee.exerciseDate)
        rows.date(h.pointee.expirationDate)
        rows.string(h.pointee.underlyingSecurityTitle)
        rows.decimal(h.pointee.underlyingSecurityShares)
        rows.decimal(h.pointee.underlyingSecurityValue)
        rows.decimal(h.pointee.sharesOwnedFollowing)
        rows.decimal(h.pointee.valueOwnedFollowing)
        rows.code(h.pointee.directOrIndirect, in: .directIndirect)
        rows.string(h.pointee.natureOfOwnership)
        rows.groupFootnotes(h.pointee.groupFootnotes)
        rows.endRow()
    }

    /// `transaction_form_type`, `transaction_code` (with the coding's own footnotes), `equity_swap_involved`.
    private func writeCoding(_ coding: borrowing TransactionCoding, to rows: inout RowWriter) {
        rows.code(coding.formType, in: nil)
        rows.code(coding.code, in: .transactionCode, footnotes: coding.footnoteIDs)
        rows.boolean(coding.equitySwapInvolved)
    }

    func writeFootnote(_ f: UnsafePointer<Footnote>, filingID: String, to rows: inout RowWriter) {
        rows.beginRow(Columns.footnotes)
        rows.verbatim(filingID)
        rows.string(f.pointee.id)
        rows.string(f.pointee.text)
        rows.endRow()
    }

    func writeSignature(_ s: UnsafePointer<Signature>, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.signatures)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(s.pointee.name)
        rows.date(s.pointee.date)
        rows.endRow()
    }
}
