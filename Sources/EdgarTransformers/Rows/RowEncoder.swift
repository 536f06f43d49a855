import EdgarCore

/// Turns one ownership document (either layout) into the NDJSON rows of every table of docs/TABLES.md, and rejects
/// into rows of the rejects table. All value normalisation happens here, once, for both layouts.
public struct RowEncoder: Sendable {
    public let granularity: PartitionGranularity
    public let parserVersion: String

    public init(granularity: PartitionGranularity = .month, parserVersion: String = Versions.parser) {
        self.granularity = granularity
        self.parserVersion = parserVersion
    }

    /// All rows of one filing. Throws `.missingRequiredField` for a document without a form type (neither
    /// `documentType` nor the extracted document's `<TYPE>`) or without any issuer (no CIK and no name), and
    /// `.notOwnershipForm` for a form type other than 3, 3/A, 4, 4/A, 5, 5/A.
    public func encode(_ document: OwnershipDocument, from extracted: ExtractedDocument) throws(DocumentRejection)
        -> EncodedFiling
    {
        let formType = try Self.formType(of: document, from: extracted)
        guard Normalize.string(document.issuer.cik) != nil || Normalize.string(document.issuer.name) != nil else {
            throw DocumentRejection(.missingRequiredField, "no issuer: neither issuerCik nor issuerName is given")
        }
        let accession = Self.accessionNumber(of: extracted)
        let filingID = accession ?? Self.hashID(of: extracted)

        var rows = RowWriter(flagsNonASCII: document.decodedAsWindows1252)
        var tables = [Table: TableChunk](minimumCapacity: Table.dataTables.count)
        func take(_ table: Table) {
            let chunk = rows.takeChunk()
            if chunk.rows > 0 { tables[table] = chunk }
        }

        /// One row per element, numbered from 1 (the `*_index` columns), then the table's chunk.
        func writeRows<Row>(_ elements: [Row], _ table: Table, _ write: (Row, Int, inout RowWriter) -> Void) {
            for (offset, element) in elements.enumerated() { write(element, offset + 1, &rows) }
            take(table)
        }

        writeFiling(document, extracted, filingID: filingID, accession: accession, formType: formType, to: &rows)
        take(.filings)
        writeRows(document.reportingOwners, .reportingOwners) { writeOwner($0, filingID: filingID, index: $1, to: &$2) }
        writeRows(document.nonDerivativeTransactions, .nonDerivativeTransactions) {
            writeTransaction($0, filingID: filingID, index: $1, to: &$2)
        }
        writeRows(document.nonDerivativeHoldings, .nonDerivativeHoldings) {
            writeHolding($0, filingID: filingID, index: $1, to: &$2)
        }
        writeRows(document.derivativeTransactions, .derivativeTransactions) {
            writeTransaction($0, filingID: filingID, index: $1, to: &$2)
        }
        writeRows(document.derivativeHoldings, .derivativeHoldings) {
            writeHolding($0, filingID: filingID, index: $1, to: &$2)
        }
        writeRows(document.footnotes, .footnotes) { footnote, _, rows in
            writeFootnote(footnote, filingID: filingID, to: &rows)
        }
        writeRows(document.signatures, .signatures) { writeSignature($0, filingID: filingID, index: $1, to: &$2) }

        return EncodedFiling(
            filingID: filingID, partition: partition(of: document, from: extracted), tables: tables)
    }

    /// One NDJSON line (ending in `\n`) of the rejects table.
    public func encodeReject(_ reject: Reject) -> [UInt8] {
        var rows = RowWriter(flagsNonASCII: false)
        rows.beginRow(Columns.rejects)
        rows.source(reject.source)
        rows.verbatim(reject.filingID)
        rows.verbatim(reject.stage.rawValue)
        rows.verbatim(reject.code.rawValue)
        rows.verbatim(reject.message)
        rows.verbatim(reject.excerpt)
        rows.endRow()
        return rows.takeChunk().bytes
    }

    /// The partition of a filing's rows, and of a reject row about it: the envelope's filing date, else the
    /// document's period of report, else unknown. Either argument may be missing for a reject.
    public func partition(of document: OwnershipDocument?, from extracted: ExtractedDocument?) -> PartitionKey {
        let date = Normalize.date(extracted?.envelope?.filingDate).value ?? Normalize.date(document?.periodOfReport).value
        return PartitionKey(isoDate: date, granularity: granularity)
    }

    /// `filing_id` per docs/TABLES.md "Keys": the accession number, else `sha256:` and 20 hex digits of the body.
    public func filingID(for extracted: ExtractedDocument) -> String {
        Self.accessionNumber(of: extracted) ?? Self.hashID(of: extracted)
    }

    /// The dashed accession number from the envelope, else from the member path or file name.
    public static func accessionNumber(of extracted: ExtractedDocument) -> String? {
        Normalize.accessionNumber(extracted.envelope?.accessionNumber)
            ?? Normalize.accessionNumber(extracted.accessionFromName)
    }

    static func hashID(of extracted: ExtractedDocument) -> String {
        "sha256:" + SHA256.hexDigest(of: extracted.body).prefix(20)
    }

    /// The normalised form type; the document's own `documentType` wins over the envelope's `<TYPE>`.
    static func formType(of document: OwnershipDocument, from extracted: ExtractedDocument) throws(DocumentRejection)
        -> String
    {
        guard let formType = Normalize.code(document.documentType).value ?? Normalize.code(extracted.documentType).value
        else { throw DocumentRejection(.missingRequiredField, "no form type: the document gives no documentType") }
        guard FormType(rawValue: formType) != nil else {
            throw DocumentRejection(.notOwnershipForm, "form type \(formType) is not 3, 4 or 5 (or an amendment)")
        }
        return formType
    }
}
