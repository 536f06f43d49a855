import EdgarCore

/// The columns of one output table, in the order OUTPUT.md lists them: the value columns, then `footnote_ids`
/// (tables whose values carry footnotes) and `issues` (every table but rejects).
///
/// Rows are written through these lists, so a key can neither be misspelt nor written out of order.
public struct ColumnList: Sendable {
    public let values: [StaticString]
    public let hasFootnoteIDs: Bool
    public let hasIssues: Bool

    init(_ values: [StaticString], footnoteIDs: Bool = false, issues: Bool = true) {
        self.values = values
        self.hasFootnoteIDs = footnoteIDs
        self.hasIssues = issues
    }

    /// Every column name, in order.
    public var names: [String] {
        values.map { "\($0)" } + (hasFootnoteIDs ? ["footnote_ids"] : []) + (hasIssues ? ["issues"] : [])
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

    static let filings = ColumnList([
        "filing_id", "accession_number", "form_type", "layout", "schema_version", "period_of_report",
        "date_of_original_submission", "filing_date", "acceptance_datetime", "issuer_cik", "issuer_name",
        "issuer_trading_symbol", "no_securities_owned", "not_subject_to_section16", "form3_holdings_reported",
        "form4_transactions_reported", "aff10b5_one", "remarks", "source", "parser_version",
    ])

    static let reportingOwners = ColumnList([
        "filing_id", "owner_index", "owner_cik", "owner_name", "street1", "street2", "city", "state", "zip_code",
        "state_description", "is_director", "is_officer", "is_ten_percent_owner", "is_other", "officer_title",
        "other_text",
    ])

    static let nonDerivativeTransactions = ColumnList(
        [
            "filing_id", "row_index", "security_title", "transaction_date", "deemed_execution_date",
            "transaction_form_type", "transaction_code", "equity_swap_involved", "transaction_timeliness", "shares",
            "price_per_share", "acquired_disposed_code", "shares_owned_following_transaction",
            "value_owned_following_transaction", "direct_or_indirect_ownership", "nature_of_ownership",
        ], footnoteIDs: true)

    static let nonDerivativeHoldings = ColumnList(
        [
            "filing_id", "row_index", "security_title", "transaction_form_type", "shares_owned_following_transaction",
            "value_owned_following_transaction", "direct_or_indirect_ownership", "nature_of_ownership",
        ], footnoteIDs: true)

    static let derivativeTransactions = ColumnList(
        [
            "filing_id", "row_index", "security_title", "conversion_or_exercise_price", "transaction_date",
            "deemed_execution_date", "transaction_form_type", "transaction_code", "equity_swap_involved",
            "transaction_timeliness", "shares", "total_value", "price_per_share", "acquired_disposed_code",
            "exercise_date", "expiration_date", "underlying_security_title", "underlying_security_shares",
            "underlying_security_value", "shares_owned_following_transaction", "value_owned_following_transaction",
            "direct_or_indirect_ownership", "nature_of_ownership",
        ], footnoteIDs: true)

    static let derivativeHoldings = ColumnList(
        [
            "filing_id", "row_index", "security_title", "conversion_or_exercise_price", "transaction_form_type",
            "exercise_date", "expiration_date", "underlying_security_title", "underlying_security_shares",
            "underlying_security_value", "shares_owned_following_transaction", "value_owned_following_transaction",
            "direct_or_indirect_ownership", "nature_of_ownership",
        ], footnoteIDs: true)

    static let footnotes = ColumnList(["filing_id", "footnote_id", "text"])

    static let signatures = ColumnList(["filing_id", "signature_index", "signature_name", "signature_date"])

    /// OUTPUT.md lists no `issues` for rejects: a reject is itself the explanation.
    static let rejects = ColumnList(["source", "filing_id", "stage", "error_code", "message", "excerpt"], issues: false)
}
