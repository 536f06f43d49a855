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
        case .transactionPricePerShare: self = .pricePerShare
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
    /// X0101's `derivativeSecurity`: a transaction when it has a transaction date or coding, else a holding.
    case derivativeSecurity

    init?(_ tag: OwnershipTag) {
        switch tag {
        case .nonDerivativeTransaction: self = .nonDerivativeTransaction
        case .nonDerivativeHolding: self = .nonDerivativeHolding
        case .derivativeTransaction: self = .derivativeTransaction
        case .derivativeHolding: self = .derivativeHolding
        case .derivativeSecurity: self = .derivativeSecurity
        default: return nil
        }
    }
}

extension DerivativeTransaction {
    mutating func set(_ field: RowField, _ value: Field) {
        switch field {
        case .securityTitle: securityTitle = value
        case .conversionOrExercisePrice: conversionOrExercisePrice = value
        case .transactionDate: transactionDate = value
        case .deemedExecutionDate: deemedExecutionDate = value
        case .timeliness: timeliness = value
        case .shares: shares = value
        case .totalValue: totalValue = value
        case .pricePerShare: pricePerShare = value
        case .acquiredDisposedCode: acquiredDisposedCode = value
        case .exerciseDate: exerciseDate = value
        case .expirationDate: expirationDate = value
        case .underlyingSecurityTitle: underlyingSecurityTitle = value
        case .underlyingSecurityShares: underlyingSecurityShares = value
        case .underlyingSecurityValue: underlyingSecurityValue = value
        case .sharesOwnedFollowing: sharesOwnedFollowing = value
        case .valueOwnedFollowing: valueOwnedFollowing = value
        case .directOrIndirect: directOrIndirect = value
        case .natureOfOwnership: natureOfOwnership = value
        }
    }

    /// Whether an X0101 `derivativeSecurity` reports a transaction rather than a holding.
    var reportsTransaction: Bool {
        transactionDate != Field() || coding.code != nil || coding.formType != nil
            || coding.equitySwapInvolved != nil || !coding.footnoteIDs.isEmpty
    }
}

extension OwnershipDocument {
    /// Files a closed row under its table. Fields the kind does not have (a total value on a non-derivative
    /// transaction, which the schema does not allow) have nowhere to go.
    mutating func append(_ row: DerivativeTransaction, as kind: RowKind) {
        switch kind {
        case .nonDerivativeTransaction:
            var r = NonDerivativeTransaction()
            r.securityTitle = row.securityTitle
            r.transactionDate = row.transactionDate
            r.deemedExecutionDate = row.deemedExecutionDate
            r.coding = row.coding
            r.timeliness = row.timeliness
            r.shares = row.shares
            r.pricePerShare = row.pricePerShare
            r.acquiredDisposedCode = row.acquiredDisposedCode
            r.sharesOwnedFollowing = row.sharesOwnedFollowing
            r.valueOwnedFollowing = row.valueOwnedFollowing
            r.directOrIndirect = row.directOrIndirect
            r.natureOfOwnership = row.natureOfOwnership
            nonDerivativeTransactions.append(r)
        case .nonDerivativeHolding:
            var r = NonDerivativeHolding()
            r.securityTitle = row.securityTitle
            r.coding = row.coding
            r.sharesOwnedFollowing = row.sharesOwnedFollowing
            r.valueOwnedFollowing = row.valueOwnedFollowing
            r.directOrIndirect = row.directOrIndirect
            r.natureOfOwnership = row.natureOfOwnership
            nonDerivativeHoldings.append(r)
        case .derivativeTransaction:
            derivativeTransactions.append(row)
        case .derivativeHolding:
            var r = DerivativeHolding()
            r.securityTitle = row.securityTitle
            r.conversionOrExercisePrice = row.conversionOrExercisePrice
            r.coding = row.coding
            r.exerciseDate = row.exerciseDate
            r.expirationDate = row.expirationDate
            r.underlyingSecurityTitle = row.underlyingSecurityTitle
            r.underlyingSecurityShares = row.underlyingSecurityShares
            r.underlyingSecurityValue = row.underlyingSecurityValue
            r.sharesOwnedFollowing = row.sharesOwnedFollowing
            r.valueOwnedFollowing = row.valueOwnedFollowing
            r.directOrIndirect = row.directOrIndirect
            r.natureOfOwnership = row.natureOfOwnership
            derivativeHoldings.append(r)
        case .derivativeSecurity:
            append(row, as: row.reportsTransaction ? .derivativeTransaction : .derivativeHolding)
        }
    }
}
