import EdgarCore

/// The value containers a table row can hold. A row is assembled as a `DerivativeTransaction` (whose fields are a
/// superset of the other three kinds) and projected onto its kind when it closes.
enum RowField {
    case securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, timeliness
    case shares, totalValue, pricePerShare, acquiredDisposedCode, exerciseDate, expirationDate
    case underlyingSecurityTitle, underlyingSecurityShares, underlyingSecurityValue
    case sharesOwnedFollowing, valueOwnedFollowing, directOrIndirect, natureOfOwnership

    init?(_ tag: OwnershipTag) {
        switch tag {
        case .securityTitle: self = .securityTitle
        case .conversionOrExercisePrice: self = .conversionOrExercisePrice
        case .transactionDate: self = .transactionDate
        case .deemedExecutionDate: self = .deemedExecutionDate
        case .transactionTimeliness: self = .timeliness
        case .transactionShares: self = .shares
        case .transactionTotalValue: self = .totalValue
        case .transactionPricePerShare, .transactionValue: self = .pricePerShare
        case .transactionAcquiredDisposedCode: self = .acquiredDisposedCode
        case .exerciseDate: self = .exerciseDate
        case .expirationDate: self = .expirationDate
        case .underlyingSecurityTitle: self = .underlyingSecurityTitle
        case .underlyingSecurityShares: self = .underlyingSecurityShares
        case .underlyingSecurityValue: self = .underlyingSecurityValue
        case .sharesOwnedFollowingTransaction: self = .sharesOwnedFollowing
        case .valueOwnedFollowingTransaction: self = .valueOwnedFollowing
        case .directOrIndirectOwnership: self = .directOrIndirect
        case .natureOfOwnership: self = .natureOfOwnership
        default: return nil
        }
    }
}

/// Which table a row element belongs to.
enum RowKind {
    case nonDerivativeTransaction, nonDerivativeHolding, derivativeTransaction, derivativeHolding
    /// X0101's `nonDerivativeSecurity` and `derivativeSecurity`: a transaction when it has a transaction date or
    /// coding, else a holding.
    case nonDerivativeSecurity, derivativeSecurity

    init?(_ tag: OwnershipTag) {
        switch tag {
        case .nonDerivativeTransaction: self = .nonDerivativeTransaction
        case .nonDerivativeHolding: self = .nonDerivativeHolding
        case .derivativeTransaction: self = .derivativeTransaction
        case .derivativeHolding: self = .derivativeHolding
        case .nonDerivativeSecurity: self = .nonDerivativeSecurity
        case .derivativeSecurity: self = .derivativeSecurity
        default: return nil
        }
    }
}

extension FootnoteGroup {
    init?(_ tag: OwnershipTag) {
        switch tag {
        case .transactionAmounts: self = .transactionAmounts
        case .postTransactionAmounts: self = .postTransactionAmounts
        case .ownershipNature: self = .ownershipNature
        case .underlyingSecurity: self = .underlyingSecurity
        default: return nil
        }
    }
}

extension Field {
    var isEmpty: Bool { value == nil && footnoteIDs.isEmpty }
}

extension DerivativeTransaction {
    /// Exchanges the row's `field` with `value`: the captured value goes in, and what the row held (a fresh
    /// field, unless the container was filed twice) comes out, with no string retained or released.
    mutating func swap(_ field: RowField, with value: inout Field) {
        switch field {
        case .securityTitle: Swift.swap(&securityTitle, &value)
        case .conversionOrExercisePrice: Swift.swap(&conversionOrExercisePrice, &value)
        case .transactionDate: Swift.swap(&transactionDate, &value)
        case .deemedExecutionDate: Swift.swap(&deemedExecutionDate, &value)
        case .timeliness: Swift.swap(&timeliness, &value)
        case .shares: Swift.swap(&shares, &value)
        case .totalValue: Swift.swap(&totalValue, &value)
        case .pricePerShare: Swift.swap(&pricePerShare, &value)
        case .acquiredDisposedCode: Swift.swap(&acquiredDisposedCode, &value)
        case .exerciseDate: Swift.swap(&exerciseDate, &value)
        case .expirationDate: Swift.swap(&expirationDate, &value)
        case .underlyingSecurityTitle: Swift.swap(&underlyingSecurityTitle, &value)
        case .underlyingSecurityShares: Swift.swap(&underlyingSecurityShares, &value)
        case .underlyingSecurityValue: Swift.swap(&underlyingSecurityValue, &value)
        case .sharesOwnedFollowing: Swift.swap(&sharesOwnedFollowing, &value)
        case .valueOwnedFollowing: Swift.swap(&valueOwnedFollowing, &value)
        case .directOrIndirect: Swift.swap(&directOrIndirect, &value)
        case .natureOfOwnership: Swift.swap(&natureOfOwnership, &value)
        }
    }

    /// Whether nothing has been filed in the row yet.
    var isFresh: Bool {
        securityTitle.isEmpty && conversionOrExercisePrice.isEmpty && transactionDate.isEmpty
            && deemedExecutionDate.isEmpty && timeliness.isEmpty && shares.isEmpty && totalValue.isEmpty
            && pricePerShare.isEmpty && acquiredDisposedCode.isEmpty && exerciseDate.isEmpty && expirationDate.isEmpty
            && underlyingSecurityTitle.isEmpty && underlyingSecurityShares.isEmpty && underlyingSecurityValue.isEmpty
            && sharesOwnedFollowing.isEmpty && valueOwnedFollowing.isEmpty && directOrIndirect.isEmpty
            && natureOfOwnership.isEmpty && coding.formType == nil && coding.code == nil
            && coding.equitySwapInvolved == nil && coding.footnoteIDs.isEmpty && groupFootnotes.isEmpty
    }

    /// Whether an X0101 `nonDerivativeSecurity` or `derivativeSecurity` reports a transaction rather than a holding.
    var reportsTransaction: Bool {
        transactionDate != Field() || coding.code != nil || coding.formType != nil
            || coding.equitySwapInvolved != nil || !coding.footnoteIDs.isEmpty
    }
}

extension OwnershipDocument {
    /// Files a closed row under its table, moving its fields out of `row` (swapped, so no string is retained or
    /// released on the way) and leaving `row` fresh. Fields the kind does not have (a total value on a
    /// non-derivative transaction, which the schema does not allow) have nowhere to go and are dropped.
    mutating func append(movingFrom row: inout DerivativeTransaction, as kind: RowKind) {
        appendMoving(&row, as: kind)
        if !row.isFresh { row = DerivativeTransaction() }
    }

    private mutating func appendMoving(_ row: inout DerivativeTransaction, as kind: RowKind) {
        switch kind {
        case .nonDerivativeTransaction:
            var r = NonDerivativeTransaction()
            swap(&r.securityTitle, &row.securityTitle)
            swap(&r.transactionDate, &row.transactionDate)
            swap(&r.deemedExecutionDate, &row.deemedExecutionDate)
            swap(&r.coding, &row.coding)
            swap(&r.timeliness, &row.timeliness)
            swap(&r.shares, &row.shares)
            swap(&r.pricePerShare, &row.pricePerShare)
            swap(&r.acquiredDisposedCode, &row.acquiredDisposedCode)
            swap(&r.sharesOwnedFollowing, &row.sharesOwnedFollowing)
            swap(&r.valueOwnedFollowing, &row.valueOwnedFollowing)
            swap(&r.directOrIndirect, &row.directOrIndirect)
            swap(&r.natureOfOwnership, &row.natureOfOwnership)
            swap(&r.groupFootnotes, &row.groupFootnotes)
            nonDerivativeTransactions.append(consume r)
        case .nonDerivativeHolding:
            var r = NonDerivativeHolding()
            swap(&r.securityTitle, &row.securityTitle)
            swap(&r.coding, &row.coding)
            swap(&r.sharesOwnedFollowing, &row.sharesOwnedFollowing)
            swap(&r.valueOwnedFollowing, &row.valueOwnedFollowing)
            swap(&r.directOrIndirect, &row.directOrIndirect)
            swap(&r.natureOfOwnership, &row.natureOfOwnership)
            swap(&r.groupFootnotes, &row.groupFootnotes)
            nonDerivativeHoldings.append(consume r)
        case .derivativeTransaction:
            var r = DerivativeTransaction()
            swap(&r, &row)
            derivativeTransactions.append(consume r)
        case .derivativeHolding:
            var r = DerivativeHolding()
            swap(&r.securityTitle, &row.securityTitle)
            swap(&r.conversionOrExercisePrice, &row.conversionOrExercisePrice)
            swap(&r.coding, &row.coding)
            swap(&r.exerciseDate, &row.exerciseDate)
            swap(&r.expirationDate, &row.expirationDate)
            swap(&r.underlyingSecurityTitle, &row.underlyingSecurityTitle)
            swap(&r.underlyingSecurityShares, &row.underlyingSecurityShares)
            swap(&r.underlyingSecurityValue, &row.underlyingSecurityValue)
            swap(&r.sharesOwnedFollowing, &row.sharesOwnedFollowing)
            swap(&r.valueOwnedFollowing, &row.valueOwnedFollowing)
            swap(&r.directOrIndirect, &row.directOrIndirect)
            swap(&r.natureOfOwnership, &row.natureOfOwnership)
            swap(&r.groupFootnotes, &row.groupFootnotes)
            derivativeHoldings.append(consume r)
        case .nonDerivativeSecurity:
            appendMoving(&row, as: row.reportsTransaction ? .nonDerivativeTransaction : .nonDerivativeHolding)
        case .derivativeSecurity:
            appendMoving(&row, as: row.reportsTransaction ? .derivativeTransaction : .derivativeHolding)
        }
    }
}
