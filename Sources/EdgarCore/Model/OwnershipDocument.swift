/// The layout a filing arrived in. Both layouts produce the same model and so the same rows.
public enum Layout: String, Sendable, Equatable {
    case xml
    case text
    /// (1.1) The SEC's HTML view of the form (its `xslF345X0n` stylesheets' page).
    case html
}

/// A value as filed (entities decoded, markup removed) plus the footnote ids attached to it, in document order.
///
/// The model keeps values as filed; normalisation to the contract's types (decimal, date, boolean, …) happens
/// once, when rows are encoded, so both layouts share one set of value rules.
public struct Field: Sendable, Equatable {
    public var value: String?
    public var footnoteIDs: [String]

    public init(_ value: String? = nil, footnoteIDs: [String] = []) {
        self.value = value
        self.footnoteIDs = footnoteIDs
    }

    public static let empty = Field()
}

/// `transactionCoding`: its leaves are bare values; a footnote directly inside it belongs to the code
/// (to the form type, for holdings).
public struct TransactionCoding: Sendable, Equatable {
    public var formType: String?
    public var code: String?
    public var equitySwapInvolved: String?
    public var footnoteIDs: [String]

    public init(formType: String? = nil, code: String? = nil, equitySwapInvolved: String? = nil, footnoteIDs: [String] = []) {
        self.formType = formType
        self.code = code
        self.equitySwapInvolved = equitySwapInvolved
        self.footnoteIDs = footnoteIDs
    }
}

public struct Issuer: Sendable, Equatable {
    public var cik: String?
    public var name: String?
    public var tradingSymbol: String?
    /// `issuerForeignTradingSymbol` (X0609): the symbol on a foreign private issuer's home market.
    public var foreignTradingSymbol: String?

    public init(cik: String? = nil, name: String? = nil, tradingSymbol: String? = nil, foreignTradingSymbol: String? = nil) {
        self.cik = cik
        self.name = name
        self.tradingSymbol = tradingSymbol
        self.foreignTradingSymbol = foreignTradingSymbol
    }
}

public struct ReportingOwner: Sendable, Equatable {
    public var cik: String?
    public var name: String?
    public var street1: String?
    public var street2: String?
    public var city: String?
    public var state: String?
    public var zipCode: String?
    public var stateDescription: String?
    // X0609 (2026): an address outside the United States.
    public var nonUSAddressFlag: String?
    public var nonUSStateTerritory: String?
    public var country: String?
    /// Booleans as filed (`1`, `true`, `0`, `false`, …); nil when absent.
    public var isDirector: String?
    public var isOfficer: String?
    public var isTenPercentOwner: String?
    public var isOther: String?
    public var officerTitle: String?
    public var otherText: String?

    public init() {}
}

public struct NonDerivativeTransaction: Sendable, Equatable {
    public var securityTitle = Field()
    public var transactionDate = Field()
    public var deemedExecutionDate = Field()
    public var coding = TransactionCoding()
    public var timeliness = Field()
    public var shares = Field()
    public var pricePerShare = Field()
    public var acquiredDisposedCode = Field()
    public var sharesOwnedFollowing = Field()
    public var valueOwnedFollowing = Field()
    public var directOrIndirect = Field()
    public var natureOfOwnership = Field()

    /// (1.1) Footnote references directly in a group element, in document order.
    public var groupFootnotes: [GroupFootnote] = []

    public init() {}
}

public struct NonDerivativeHolding: Sendable, Equatable {
    public var securityTitle = Field()
    public var coding = TransactionCoding()
    public var sharesOwnedFollowing = Field()
    public var valueOwnedFollowing = Field()
    public var directOrIndirect = Field()
    public var natureOfOwnership = Field()

    /// (1.1) Footnote references directly in a group element, in document order.
    public var groupFootnotes: [GroupFootnote] = []

    public init() {}
}

public struct DerivativeTransaction: Sendable, Equatable {
    public var securityTitle = Field()
    public var conversionOrExercisePrice = Field()
    public var transactionDate = Field()
    public var deemedExecutionDate = Field()
    public var coding = TransactionCoding()
    public var timeliness = Field()
    public var shares = Field()
    public var totalValue = Field()
    public var pricePerShare = Field()
    public var acquiredDisposedCode = Field()
    public var exerciseDate = Field()
    public var expirationDate = Field()
    public var underlyingSecurityTitle = Field()
    public var underlyingSecurityShares = Field()
    public var underlyingSecurityValue = Field()
    public var sharesOwnedFollowing = Field()
    public var valueOwnedFollowing = Field()
    public var directOrIndirect = Field()
    public var natureOfOwnership = Field()

    /// (1.1) Footnote references directly in a group element, in document order.
    public var groupFootnotes: [GroupFootnote] = []

    public init() {}
}

public struct DerivativeHolding: Sendable, Equatable {
    public var securityTitle = Field()
    public var conversionOrExercisePrice = Field()
    public var coding = TransactionCoding()
    public var exerciseDate = Field()
    public var expirationDate = Field()
    public var underlyingSecurityTitle = Field()
    public var underlyingSecurityShares = Field()
    public var underlyingSecurityValue = Field()
    public var sharesOwnedFollowing = Field()
    public var valueOwnedFollowing = Field()
    public var directOrIndirect = Field()
    public var natureOfOwnership = Field()

    /// (1.1) Footnote references directly in a group element, in document order.
    public var groupFootnotes: [GroupFootnote] = []

    public init() {}
}

/// (1.1) The group elements of a table row that may hold a `<footnoteId>` directly, outside any value; the raw
/// value is the key it is kept under in `footnote_ids`.
public enum FootnoteGroup: String, Sendable, Equatable, CaseIterable {
    case transactionAmounts = "transaction_amounts"
    case postTransactionAmounts = "post_transaction_amounts"
    case ownershipNature = "ownership_nature"
    case underlyingSecurity = "underlying_security"
}

/// A footnote reference standing directly in a group element of a row.
public struct GroupFootnote: Sendable, Equatable {
    public var group: FootnoteGroup
    public var id: String

    public init(_ group: FootnoteGroup, _ id: String) {
        self.group = group
        self.id = id
    }
}

public struct Footnote: Sendable, Equatable {
    public var id: String
    public var text: String?

    public init(id: String, text: String?) {
        self.id = id
        self.text = text
    }
}

public struct Signature: Sendable, Equatable {
    public var name: String?
    public var date: String?

    public init(name: String? = nil, date: String? = nil) {
        self.name = name
        self.date = date
    }
}

/// An element the XML parser does not know: its path below the root (`issuer/issuerNewThing`) and the start of
/// its text, so that a change of the schema shows up in the data instead of vanishing.
public struct UnknownElement: Sendable, Equatable {
    public var path: String
    /// The element's character data (descendants included), trimmed, at most `maxTextCharacters` Unicode scalars.
    public var text: String

    public static let maxTextCharacters = 200

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// One Form 3, 4 or 5 (or amendment), as filed, whichever layout it came in.
///
/// Every string is the filed text with XML entities decoded (or text-layout markup removed), not yet trimmed
/// or normalised. A value the document does not give is nil.
public struct OwnershipDocument: Sendable, Equatable {
    public var layout: Layout
    public var schemaVersion: String?
    /// `3`, `3/A`, `4`, `4/A`, `5`, `5/A` as filed.
    public var documentType: String?
    public var periodOfReport: String?
    public var dateOfOriginalSubmission: String?
    public var noSecuritiesOwned: String?
    public var notSubjectToSection16: String?
    public var form3HoldingsReported: String?
    public var form4TransactionsReported: String?
    public var aff10b5One: String?
    public var issuer = Issuer()
    public var reportingOwners: [ReportingOwner] = []
    public var nonDerivativeTransactions: [NonDerivativeTransaction] = []
    public var nonDerivativeHoldings: [NonDerivativeHolding] = []
    public var derivativeTransactions: [DerivativeTransaction] = []
    public var derivativeHoldings: [DerivativeHolding] = []
    public var footnotes: [Footnote] = []
    public var remarks: String?
    public var signatures: [Signature] = []
    /// Elements inside `ownershipDocument` the parser has no rule for, once per path, in document order.
    public var unknownElements: [UnknownElement] = []
    /// True when the bytes were not valid UTF-8 and were decoded as Windows-1252: every string field holding
    /// non-ASCII text then carries an `invalid_encoding` issue.
    public var decodedAsWindows1252 = false
    /// (1.1) Set when the XML was not well-formed and was read in libxml2's recover mode: libxml2's first error.
    public var recoveredXMLError: String?

    public init(layout: Layout) {
        self.layout = layout
    }
}
