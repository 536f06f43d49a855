/// Why a filed value could not be normalised: the `code` of an entry in a row's `issues` (docs/TABLES.md, "Issue
/// codes").
public enum ValueIssueCode: String, Sendable, Equatable, CaseIterable {
    case invalidDate = "invalid_date"
    case invalidDecimal = "invalid_decimal"
    case invalidBoolean = "invalid_boolean"
    case invalidCIK = "invalid_cik"
    /// Bytes not valid in the document's encoding were decoded as Windows-1252.
    case invalidEncoding = "invalid_encoding"
    /// A code outside its list; the value is kept as filed (upper-cased).
    case unknownCode = "unknown_code"
    /// An element inside `ownershipDocument` that the parser has no rule for (on the filings row; the field is the
    /// element's path below the root).
    case unknownElement = "unknown_element"
    /// (1.1) The document was not well-formed and was read in libxml2's recover mode (on the filings row).
    case recoveredXML = "recovered_xml"
}

extension ValueIssueCode {
    /// What the code means, as docs/TABLES.md lists it (`edgar-etl schema --format markdown`).
    public var meaning: String {
        switch self {
        case .invalidDate:
            "not a date in any accepted form, or an impossible one; the value is null"
        case .invalidDecimal:
            "not a number; the value is null"
        case .invalidBoolean:
            "not `1`, `0`, `true` or `false`; the value is null"
        case .invalidCIK:
            "not a CIK of at most ten digits; the value is null"
        case .invalidEncoding:
            "bytes not valid in the document's encoding were read as Windows-1252 (on each field that held them)"
        case .unknownCode:
            "a code outside its list (transaction codes A C D E F G H I J L M O P S U W X Z, A/D, D/I, E/L); kept as filed"
        case .recoveredXML:
            "(1.1) on the filings row, field `document`: the XML was not well-formed and was read in libxml2's recover mode because the run asked for it (`--recover-xml`); `raw` is libxml2's first error"
        case .unknownElement:
            "(1.1) on the filings row: an element the parser does not know; `field` is its path below the root (`issuer/issuerNewThing`), `raw` its text (at most 200 characters)"
        }
    }
}

/// The outcome of normalising one filed value: the value in the contract's form (nil for null) and, when the
/// filed text could not be taken as is, the issue to report. `unknown_code` is the one issue that keeps a value.
public struct Normalized<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value?
    public var issue: ValueIssueCode?

    public init(value: Value?, issue: ValueIssueCode? = nil) {
        self.value = value
        self.issue = issue
    }

    /// Absent or empty: null, nothing to say.
    public static var null: Normalized { Normalized(value: nil) }

    public static func valid(_ value: Value) -> Normalized { Normalized(value: value) }

    /// Not normalisable: null plus an issue.
    public static func invalid(_ issue: ValueIssueCode) -> Normalized { Normalized(value: nil, issue: issue) }
}

/// The value rules of docs/TABLES.md ("Values") as pure functions over the as-filed text. Every normaliser trims
/// surrounding whitespace first and treats an empty value as absent (null, no issue).
public enum Normalize {}
