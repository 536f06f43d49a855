import EdgarCore

/// One function per table: each writes the values in its `ColumnList` order with the rule of each column.
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

    func writeOwner(_ o: ReportingOwner, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.reportingOwners)
        rows.verbatim(filingID)
        rows.index(index)
        rows.cik(o.cik)
        rows.string(o.name)
        rows.string(o.street1)
        rows.string(o.street2)
        rows.string(o.city)
        rows.string(o.state)
        rows.string(o.zipCode)
        rows.string(o.stateDescription)
        rows.boolean(o.nonUSAddressFlag)
        rows.string(o.nonUSStateTerritory)
        rows.string(o.country)
        rows.boolean(o.isDirector)
        rows.boolean(o.isOfficer)
        rows.boolean(o.isTenPercentOwner)
        rows.boolean(o.isOther)
        rows.string(o.officerTitle)
        rows.string(o.otherText)
        rows.endRow()
    }

    func writeTransaction(_ t: NonDerivativeTransaction, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.nonDerivativeTransactions)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(t.securityTitle)
        rows.date(t.transactionDate)
        rows.date(t.deemedExecutionDate)
        writeCoding(t.coding, to: &rows)
        rows.code(t.timeliness, in: .timeliness)
        rows.decimal(t.shares)
        rows.decimal(t.pricePerShare)
        rows.code(t.acquiredDisposedCode, in: .acquiredDisposed)
        rows.decimal(t.sharesOwnedFollowing)
        rows.decimal(t.valueOwnedFollowing)
        rows.code(t.directOrIndirect, in: .directIndirect)
        rows.string(t.natureOfOwnership)
        rows.groupFootnotes(t.groupFootnotes)
        rows.endRow()
    }

    func writeHolding(_ h: NonDerivativeHolding, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.nonDerivativeHoldings)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(h.securityTitle)
        rows.code(h.coding.formType, in: nil, footnotes: h.coding.footnoteIDs)
        rows.decimal(h.sharesOwnedFollowing)
        rows.decimal(h.valueOwnedFollowing)
        rows.code(h.directOrIndirect, in: .directIndirect)
        rows.string(h.natureOfOwnership)
        rows.groupFootnotes(h.groupFootnotes)
        rows.endRow()
    }

    func writeTransaction(_ t: DerivativeTransaction, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.derivativeTransactions)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(t.securityTitle)
        rows.decimal(t.conversionOrExercisePrice)
        rows.date(t.transactionDate)
        rows.date(t.deemedExecutionDate)
        writeCoding(t.coding, to: &rows)
        rows.code(t.timeliness, in: .timeliness)
        rows.decimal(t.shares)
        rows.decimal(t.totalValue)
        rows.decimal(t.pricePerShare)
        rows.code(t.acquiredDisposedCode, in: .acquiredDisposed)
        writeDerivativeTail(t, to: &rows)
    }

    func writeHolding(_ h: DerivativeHolding, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.derivativeHoldings)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(h.securityTitle)
        rows.decimal(h.conversionOrExercisePrice)
        rows.code(h.coding.formType, in: nil, footnotes: h.coding.footnoteIDs)
        writeDerivativeTail(h, to: &rows)
    }

    /// The columns that end both derivative tables, `exercise_date` through the group footnotes, and the row's end.
    private func writeDerivativeTail(_ row: some DerivativeRowTail, to rows: inout RowWriter) {
        rows.date(row.exerciseDate)
        rows.date(row.expirationDate)
        rows.string(row.underlyingSecurityTitle)
        rows.decimal(row.underlyingSecurityShares)
        rows.decimal(row.underlyingSecurityValue)
        rows.decimal(row.sharesOwnedFollowing)
        rows.decimal(row.valueOwnedFollowing)
        rows.code(row.directOrIndirect, in: .directIndirect)
        rows.string(row.natureOfOwnership)
        rows.groupFootnotes(row.groupFootnotes)
        rows.endRow()
    }

    /// `transaction_form_type`, `transaction_code` (with the coding's own footnotes), `equity_swap_involved`.
    private func writeCoding(_ coding: borrowing TransactionCoding, to rows: inout RowWriter) {
        rows.code(coding.formType, in: nil)
        rows.code(coding.code, in: .transactionCode, footnotes: coding.footnoteIDs)
        rows.boolean(coding.equitySwapInvolved)
    }

    func writeFootnote(_ f: Footnote, filingID: String, to rows: inout RowWriter) {
        rows.beginRow(Columns.footnotes)
        rows.verbatim(filingID)
        rows.string(f.id)
        rows.string(f.text)
        rows.endRow()
    }

    func writeSignature(_ s: Signature, filingID: String, index: Int, to rows: inout RowWriter) {
        rows.beginRow(Columns.signatures)
        rows.verbatim(filingID)
        rows.index(index)
        rows.string(s.name)
        rows.date(s.date)
        rows.endRow()
    }
}

/// What a derivative transaction and a derivative holding both hold, in the order of the last columns of their
/// tables (`RowEncoder.writeDerivativeTail`).
protocol DerivativeRowTail {
    var exerciseDate: Field { get }
    var expirationDate: Field { get }
    var underlyingSecurityTitle: Field { get }
    var underlyingSecurityShares: Field { get }
    var underlyingSecurityValue: Field { get }
    var sharesOwnedFollowing: Field { get }
    var valueOwnedFollowing: Field { get }
    var directOrIndirect: Field { get }
    var natureOfOwnership: Field { get }
    var groupFootnotes: [GroupFootnote] { get }
}

extension DerivativeTransaction: DerivativeRowTail {}
extension DerivativeHolding: DerivativeRowTail {}
