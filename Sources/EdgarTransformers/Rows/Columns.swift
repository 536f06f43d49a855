import EdgarCore

/// What a column holds, exactly as `RowWriter` writes it: the logical type every warehouse schema is derived from
/// (see `SchemaRenderer`).
public enum ColumnType: String, Sendable, CaseIterable {
    /// The accession number with dashes, or `sha256:` and 20 hex digits.
    case filingID
    /// `0001181431-03-041285`.
    case accessionNumber
    /// A filed string (trimmed, entities decoded).
    case string
    /// A filed code, upper-cased; unknown codes are kept, so the set is open.
    case code
    /// `3`, `3/A`, `4`, `4/A`, `5`, `5/A`.
    case formType
    /// `xml`, `text` or `html`: the layout the filing was read from.
    case layout
    /// Ten digits, zero-padded.
    case cik
    /// `YYYY-MM-DD`.
    case date
    /// RFC 3339 with a UTC offset: `2003-11-12T17:02:10-05:00`.
    case timestamp
    /// A JSON number in plain notation with the filed digits.
    case decimal
    case boolean
    /// A 1-based position (`row_index`, `owner_index`, `signature_index`).
    case index
    /// `{"archive": …, "member": …, "document_sequence": …}`.
    case source
    /// An object from column name to the list of footnote ids.
    case footnoteIDs
    /// A list of `{"field", "code", "raw"}` objects.
    case issues
    /// `read`, `extract` or `transform`.
    case rejectStage
    /// A `RejectCode`.
    case rejectCode
}

/// One column of an output table: its key, what it holds, and whether the encoder can write `null` there.
public struct Column: Sendable, Equatable {
    public let name: String
    public let type: ColumnType
    public let nullable: Bool
}

/// The columns of one output table, in the order docs/TABLES.md lists them: the value columns, then `footnote_ids`
/// (tables whose values carry footnotes) and `issues` (every table but rejects).
///
/// Rows are written through these lists, so a key can neither be misspelt nor written out of order; schemas are
/// rendered from them, so a warehouse column can neither be missed nor typed apart from the row.
public struct ColumnList: Sendable {
    public let values: [StaticString]
    /// The type of each of `values`.
    public let types: [ColumnType]
    /// The value columns the encoder never writes as `null` (keys, indexes, our own values).
    public let required: Set<String>
    public let hasFootnoteIDs: Bool
    public let hasIssues: Bool
    /// Whether `issues` may also hold `unknown_element` issues, whose field is an element's path (filings only).
    public let hasElementIssues: Bool
    /// What `RowWriter` needs, in storage it can copy for every row without touching a reference count.
    let layout: RowLayout

    init(
        _ columns: [(StaticString, ColumnType)], required: Set<String>, footnoteIDs: Bool = false, issues: Bool = true,
        elementIssues: Bool = false
    ) {
        self.values = columns.map(\.0)
        self.types = columns.map(\.1)
        self.required = required
        self.hasFootnoteIDs = footnoteIDs
        self.hasIssues = issues
        self.hasElementIssues = elementIssues
        self.layout = RowLayout(keys: values, hasFootnoteIDs: footnoteIDs, hasIssues: issues)
        assert(required.isSubset(of: Set(values.map { "\($0)" })), "a required column must be a value column")
    }

    /// Every column name, in order.
    public var names: [String] {
        values.map { "\($0)" } + (hasFootnoteIDs ? ["footnote_ids"] : []) + (hasIssues ? ["issues"] : [])
    }

    /// Every column with its type, in order. `footnote_ids` and `issues` are never null (an empty object, an empty
    /// array).
    public var columns: [Column] {
        var result = zip(values, types).map { value, type in
            let name = "\(value)"
            return Column(name: name, type: type, nullable: !required.contains(name))
        }
        if hasFootnoteIDs { result.append(Column(name: "footnote_ids", type: .footnoteIDs, nullable: false)) }
        if hasIssues { result.append(Column(name: "issues", type: .issues, nullable: false)) }
        return result
    }

    /// The value columns that hold document values: the only columns `footnote_ids` keys and `issues` fields can
    /// name (never a key or an index).
    public var documentColumns: [String] {
        zip(values, types).compactMap { value, type in
            type == .filingID || type == .index ? nil : "\(value)"
        }
    }
}

extension ColumnList {
    /// The keys `footnote_ids` may hold: the document columns and, in the tables of Table I and II rows, the groups
    /// a footnote reference may stand in directly (`transaction_amounts`, …; contract 1.1).
    public var footnoteKeys: [String] {
        let isRowTable = documentColumns.contains("direct_or_indirect_ownership")
        return documentColumns + (isRowTable ? FootnoteGroup.allCases.map(\.rawValue) : [])
    }
}

/// The keys of a table's value columns in raw storage that is never freed (column lists are static), plus the
/// closing columns the table has.
struct RowLayout: @unchecked Sendable {
    // @unchecked: `keys` and `encodedKeys` point at memory written once, here, never mutated and never deallocated.
    let keys: UnsafeBufferPointer<StaticString>
    /// Each key as JSON, `,"name":`, the i-th at `encodedKeys[i]`. The first column of a row follows `{` and is
    /// written without its comma.
    let encodedKeys: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    let hasFootnoteIDs: Bool
    let hasIssues: Bool

    init(keys: [StaticString], hasFootnoteIDs: Bool, hasIssues: Bool) {
        let storage = UnsafeMutableBufferPointer<StaticString>.allocate(capacity: keys.count)
        _ = storage.initialize(from: keys)
        self.keys = UnsafeBufferPointer(storage)
        let encoded = UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: keys.count)
        for (i, key) in keys.enumerated() {
            let bytes = Array(#","\#(key)":"#.utf8)
            let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = text.initialize(from: bytes)
            encoded[i] = UnsafeBufferPointer(i == 0 ? UnsafeMutableBufferPointer(rebasing: text[1...]) : text)
        }
        self.encodedKeys = UnsafeBufferPointer(encoded)
        self.hasFootnoteIDs = hasFootnoteIDs
        self.hasIssues = hasIssues
    }
}

public enum Columns {
    public static func of(_ table: Table) -> ColumnList {
        switch table {
        case .filings: filings
        case .reportingOwners: reportingOwners
        case .nonDerivativeTransactions: nonDerivativeTransactions
        case .nonDerivativeHoldings: nonDerivativeHoldings
        case .derivativeTransactions: derivativeTransactions
        case .derivativeHoldings: derivativeHoldings
        case .footnotes: footnotes
        case .signatures: signatures
        case .rejects: rejects
        }
    }

    static let filings = ColumnList(
        [
            ("filing_id", .filingID), ("accession_number", .accessionNumber), ("form_type", .formType),
            ("layout", .layout), ("schema_version", .string), ("period_of_report", .date),
            ("date_of_original_submission", .date), ("filing_date", .date), ("acceptance_datetime", .timestamp),
            ("issuer_cik", .cik), ("issuer_name", .string), ("issuer_trading_symbol", .string),
            ("issuer_foreign_trading_symbol", .string), ("no_securities_owned", .boolean),
            ("not_subject_to_section16", .boolean),
            ("form3_holdings_reported", .boolean), ("form4_transactions_reported", .boolean),
            ("aff10b5_one", .boolean), ("remarks", .string), ("source", .source), ("parser_version", .string),
        ],
        // The encoder rejects a document without a form type before it writes a row.
        required: ["filing_id", "form_type", "layout", "source", "parser_version"], elementIssues: true)

    static let reportingOwners = ColumnList(
        [
            ("filing_id", .filingID), ("owner_index", .index), ("owner_cik", .cik), ("owner_name", .string),
            ("street1", .string), ("street2", .string), ("city", .string), ("state", .string),
            ("zip_code", .string), ("state_description", .string), ("non_us_address", .boolean),
            ("non_us_state_territory", .string), ("country", .string), ("is_director", .boolean),
            ("is_officer", .boolean), ("is_ten_percent_owner", .boolean), ("is_other", .boolean),
            ("officer_title", .string), ("other_text", .string),
        ],
        required: ["filing_id", "owner_index"])

    static let nonDerivativeTransactions = ColumnList(
        [
            ("filing_id", .filingID), ("row_index", .index), ("security_title", .string),
            ("transaction_date", .date), ("deemed_execution_date", .date), ("transaction_form_type", .code),
            ("transaction_code", .code), ("equity_swap_involved", .boolean), ("transaction_timeliness", .code),
            ("shares", .decimal), ("price_per_share", .decimal), ("acquired_disposed_code", .code),
            ("shares_owned_following_transaction", .decimal), ("value_owned_following_transaction", .decimal),
            ("direct_or_indirect_ownership", .code), ("nature_of_ownership", .string),
        ],
        required: ["filing_id", "row_index"], footnoteIDs: true)

    static let nonDerivativeHoldings = ColumnList(
        [
            ("filing_id", .filingID), ("row_index", .index), ("security_title", .string),
            ("transaction_form_type", .code), ("shares_owned_following_transaction", .decimal),
            ("value_owned_following_transaction", .decimal), ("direct_or_indirect_ownership", .code),
            ("nature_of_ownership", .string),
        ],
        required: ["filing_id", "row_index"], footnoteIDs: true)

    static let derivativeTransactions = ColumnList(
        [
            ("filing_id", .filingID), ("row_index", .index), ("security_title", .string),
            ("conversion_or_exercise_price", .decimal), ("transaction_date", .date),
            ("deemed_execution_date", .date), ("transaction_form_type", .code), ("transaction_code", .code),
            ("equity_swap_involved", .boolean), ("transaction_timeliness", .code), ("shares", .decimal),
            ("total_value", .decimal), ("price_per_share", .decimal), ("acquired_disposed_code", .code),
            ("exercise_date", .date), ("expiration_date", .date), ("underlying_security_title", .string),
            ("underlying_security_shares", .decimal), ("underlying_security_value", .decimal),
            ("shares_owned_following_transaction", .decimal), ("value_owned_following_transaction", .decimal),
            ("direct_or_indirect_ownership", .code), ("nature_of_ownership", .string),
        ],
        required: ["filing_id", "row_index"], footnoteIDs: true)

    static let derivativeHoldings = ColumnList(
        [
            ("filing_id", .filingID), ("row_index", .index), ("security_title", .string),
            ("conversion_or_exercise_price", .decimal), ("transaction_form_type", .code), ("exercise_date", .date),
            ("expiration_date", .date), ("underlying_security_title", .string),
            ("underlying_security_shares", .decimal), ("underlying_security_value", .decimal),
            ("shares_owned_following_transaction", .decimal), ("value_owned_following_transaction", .decimal),
            ("direct_or_indirect_ownership", .code), ("nature_of_ownership", .string),
        ],
        required: ["filing_id", "row_index"], footnoteIDs: true)

    /// `footnote_id` is the filed id, trimmed: an empty one is written as null like any other string.
    static let footnotes = ColumnList(
        [("filing_id", .filingID), ("footnote_id", .string), ("text", .string)], required: ["filing_id"])

    static let signatures = ColumnList(
        [
            ("filing_id", .filingID), ("signature_index", .index), ("signature_name", .string),
            ("signature_date", .date),
        ],
        required: ["filing_id", "signature_index"])

    /// docs/TABLES.md lists no `issues` for rejects: a reject is itself the explanation. `filing_id` is null when the
    /// input never got as far as a document.
    static let rejects = ColumnList(
        [
            ("source", .source), ("filing_id", .filingID), ("stage", .rejectStage), ("error_code", .rejectCode),
            ("message", .string), ("excerpt", .string),
        ],
        required: ["source", "stage", "error_code", "message"], issues: false)
}
