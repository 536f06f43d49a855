import EdgarCore

/// Tables I and II: transactions and holdings with running balances, codes drawn from the real
/// distribution, footnote-only values and the value (dollar) variants.
extension DocumentBuilder {
    static let maxNonDerivativeTransactions = 12

    mutating func fillForm3() {
        if rng.chance(10) {
            doc.noSecuritiesOwned = boolean(true)
            return
        }
        if rng.chance(30) { doc.noSecuritiesOwned = boolean(false) }
        var ndCount = rng.weighted([(0, 15), (1, 50), (2, 20), (3, 10), (4, 5)])
        let dCount = rng.weighted([(0, 55), (1, 25), (2, 12), (3, 8)])
        if ndCount + dCount == 0 { ndCount = 1 }
        doc.nonDerivativeHoldings = (0..<ndCount).map { _ in makeNonDerivativeHolding() }
        doc.derivativeHoldings = (0..<dCount).map { _ in makeDerivativeHolding() }
    }

    mutating func fillForm4Or5(transactionFormType: String) {
        if rng.chance(60) { doc.notSubjectToSection16 = boolean(false) }
        if form.baseNumber == 5 {
            doc.form3HoldingsReported = boolean(rng.chance(5))
            doc.form4TransactionsReported = boolean(rng.chance(10))
        }
        let dCount = rng.weighted([(0, 65), (1, 22), (2, 9), (3, 4)])
        var ndCount = rng.weighted([(0, 12), (1, 35), (2, 20), (3, 10), (4, 7), (5, 5), (6, 3), (8, 3), (10, 3), (12, 2)])
        if ndCount + dCount == 0 { ndCount = 1 }
        for _ in 0..<dCount {
            doc.derivativeTransactions.append(makeDerivativeTransaction(formType: transactionFormType))
        }
        while doc.nonDerivativeTransactions.count < min(ndCount, Self.maxNonDerivativeTransactions) {
            doc.nonDerivativeTransactions.append(makeNonDerivativeTransaction(formType: transactionFormType, exercise: nil))
        }
        let holdings = rng.weighted([(0, 70), (1, 20), (2, 6), (3, 3), (4, 1)])
        doc.nonDerivativeHoldings = (0..<holdings).map { _ in makeNonDerivativeHolding() }
        let derivativeHoldings = rng.weighted([(0, 85), (1, 10), (2, 3), (3, 2)])
        doc.derivativeHoldings = (0..<derivativeHoldings).map { _ in makeDerivativeHolding() }
    }

    // MARK: - Table I

    /// `exercise` pairs the row with an option exercise or unit settlement reported in Table II.
    mutating func makeNonDerivativeTransaction(formType: String, exercise: (shares: Int, price: String, date: CivilDate)?) -> NonDerivativeTransaction {
        var row = NonDerivativeTransaction()
        let code = exercise != nil ? "M" : (form.baseNumber == 5
            ? rng.weighted([("G", 30), ("J", 15), ("W", 10), ("A", 15), ("S", 10), ("P", 10), ("L", 5), ("I", 5)])
            : rng.weighted([("S", 30), ("A", 16), ("M", 14), ("F", 14), ("P", 8), ("G", 5), ("D", 3), ("J", 2), ("C", 2),
                            ("X", 1), ("W", 1), ("I", 1), ("U", 1)]))
        let acquired = acquiredCode(code)
        row.securityTitle = Field(rng.pick(Vocabulary.commonTitles), footnoteIDs: maybeFootnotes(percent: 6, texts: Vocabulary.generalFootnotes))
        let date = exercise?.date ?? transactionDate()
        row.transactionDate = Field(date.iso, footnoteIDs: maybeFootnotes(percent: 2, texts: Vocabulary.generalFootnotes))
        row.deemedExecutionDate = deemedExecutionDate(after: date)
        row.coding = coding(formType: formType, code: code)
        row.timeliness = timeliness(formType: formType)
        let shares = exercise?.shares ?? shareAmount()
        row.shares = Field(decimal(shares, scale: 3), footnoteIDs: maybeFootnotes(percent: 4, texts: Vocabulary.generalFootnotes))
        row.pricePerShare = price(code: code, exercisePrice: exercise?.price)
        row.acquiredDisposedCode = Field(acquired, footnoteIDs: maybeFootnotes(percent: 1, texts: Vocabulary.generalFootnotes))
        let (direct, nature) = ownership()
        if rng.chance(2) {
            row.valueOwnedFollowing = Field(decimal(rng.int(1_000...90_000_000), scale: 2))
        } else {
            // A running balance per security and holding, so rows of one filing add up as real ones do.
            let key = "\(row.securityTitle.value ?? "")|\(nature.value ?? "")"
            let before = balances[key] ?? (rng.int(0...400) * 1_000_000 + (acquired == "D" ? shares : 0))
            let after = acquired == "A" ? before + shares : max(0, before - shares)
            balances[key] = after
            row.sharesOwnedFollowing = Field(decimal(after, scale: 3),
                                             footnoteIDs: maybeFootnotes(percent: 5, texts: Vocabulary.generalFootnotes))
        }
        row.directOrIndirect = direct
        row.natureOfOwnership = nature
        return row
    }

    mutating func makeNonDerivativeHolding() -> NonDerivativeHolding {
        var row = NonDerivativeHolding()
        row.securityTitle = Field(rng.pick(Vocabulary.commonTitles), footnoteIDs: maybeFootnotes(percent: 5, texts: Vocabulary.generalFootnotes))
        if form.baseNumber == 5 && rng.chance(15) {
            row.coding = TransactionCoding(formType: "3", footnoteIDs: maybeFootnotes(percent: 20, texts: Vocabulary.generalFootnotes))
        }
        if rng.chance(2) {
            row.valueOwnedFollowing = Field(decimal(rng.int(1_000...90_000_000), scale: 2))
        } else {
            row.sharesOwnedFollowing = Field(decimal(shareAmount() * rng.int(1...20), scale: 3),
                                             footnoteIDs: maybeFootnotes(percent: 8, texts: Vocabulary.generalFootnotes))
        }
        (row.directOrIndirect, row.natureOfOwnership) = ownership()
        return row
    }

    // MARK: - Table II

    mutating func makeDerivativeTransaction(formType: String) -> DerivativeTransaction {
        var row = DerivativeTransaction()
        let (title, kind) = rng.pick(Vocabulary.derivativeTitles)
        let code: String = switch kind {
        case .option: rng.weighted([("A", 45), ("M", 40), ("X", 5), ("D", 5), ("G", 2), ("S", 3)])
        case .unit: rng.weighted([("A", 50), ("M", 40), ("D", 5), ("F", 3), ("J", 2)])
        case .convertible: rng.weighted([("C", 60), ("J", 20), ("P", 15), ("S", 5)])
        }
        let date = transactionDate()
        let shares = shareAmount()
        // One explanatory footnote per row, reused by every value it explains (as EDGAR filers do).
        var explanation: String?
        func explained(_ builder: inout DocumentBuilder) -> [String] {
            if let explanation { return [explanation] }
            let id = builder.newFootnote(builder.rng.pick(Vocabulary.derivativeFootnotes))
            explanation = id
            return [id]
        }
        row.securityTitle = Field(title, footnoteIDs: maybeFootnotes(percent: 5, texts: Vocabulary.derivativeFootnotes))
        let exercisePrice: String
        switch kind {
        case .option:
            exercisePrice = marketPrice()
            row.conversionOrExercisePrice = rng.chance(85) ? Field(exercisePrice) : Field(nil, footnoteIDs: explained(&self))
        case .unit:
            exercisePrice = "0"
            row.conversionOrExercisePrice = rng.chance(55) ? Field(nil, footnoteIDs: explained(&self)) : Field("0")
        case .convertible:
            exercisePrice = "0"
            row.conversionOrExercisePrice = rng.chance(50) ? Field(nil, footnoteIDs: explained(&self)) : Field(rng.pick(["0", "1", "0.5", marketPrice()]))
        }
        row.transactionDate = Field(date.iso)
        row.deemedExecutionDate = deemedExecutionDate(after: date)
        row.coding = coding(formType: formType, code: code)
        row.timeliness = timeliness(formType: formType)
        if rng.chance(1) {
            row.totalValue = Field(decimal(rng.int(10_000...50_000_000), scale: 2))
        } else {
            row.shares = Field(decimal(shares, scale: 3))
        }
        row.pricePerShare = ["S", "P"].contains(code)
            ? price(code: code, exercisePrice: nil)
            : (rng.chance(3) ? Field(nil, footnoteIDs: explained(&self)) : Field("0"))
        // Granted or bought derivatives are acquired; exercised, converted, sold or cancelled ones disposed of.
        row.acquiredDisposedCode = Field(code == "A" || code == "P" ? "A" : (code == "J" ? acquiredCode(code) : "D"))
        let grant = date.adding(days: -rng.int(0...1_500))
        switch kind {
        case .option:
            row.exerciseDate = rng.chance(50) ? Field(grant.adding(days: 365).iso) : Field(nil, footnoteIDs: explained(&self))
            row.expirationDate = Field(grant.adding(days: 3_652).iso)
        case .unit:
            row.exerciseDate = rng.chance(70) ? Field(nil, footnoteIDs: explained(&self)) : Field(date.adding(days: 365).iso)
            row.expirationDate = rng.chance(70) ? Field(nil, footnoteIDs: explained(&self)) : Field(date.adding(days: 1_095).iso)
        case .convertible:
            row.exerciseDate = Field(nil, footnoteIDs: explained(&self))
            row.expirationDate = Field(nil, footnoteIDs: explained(&self))
        }
        row.underlyingSecurityTitle = Field(rng.pick(["Common Stock", "Common Stock", "Class A Common Stock", "Ordinary Shares"]))
        if rng.chance(1) {
            row.underlyingSecurityValue = Field(decimal(rng.int(10_000...50_000_000), scale: 2))
        } else {
            row.underlyingSecurityShares = Field(decimal(shares, scale: 3))
        }
        row.sharesOwnedFollowing = Field(decimal(rng.int(0...400_000) * 1000 + shares % 1000, scale: 3))
        (row.directOrIndirect, row.natureOfOwnership) = ownership()
        if (code == "M" || code == "X") && doc.nonDerivativeTransactions.count < Self.maxNonDerivativeTransactions {
            let price = kind == .option ? exercisePrice : "0"
            doc.nonDerivativeTransactions.append(
                makeNonDerivativeTransaction(formType: formType, exercise: (shares, price, date)))
        }
        return row
    }

    mutating func makeDerivativeHolding() -> DerivativeHolding {
        var row = DerivativeHolding()
        let (title, kind) = rng.pick(Vocabulary.derivativeTitles)
        row.securityTitle = Field(title)
        // One explanatory footnote, defined only once a value actually points at it.
        var footnote: String?
        func explained(_ builder: inout DocumentBuilder) -> Field {
            let id = footnote ?? builder.newFootnote(builder.rng.pick(Vocabulary.derivativeFootnotes))
            footnote = id
            return Field(nil, footnoteIDs: [id])
        }
        row.conversionOrExercisePrice = kind == .option && rng.chance(80) ? Field(marketPrice()) : explained(&self)
        if form.baseNumber == 5 && rng.chance(15) {
            row.coding = TransactionCoding(formType: "3")
        }
        let grant = filingDate.adding(days: -rng.int(30...2_000))
        row.exerciseDate = rng.chance(50) ? Field(grant.adding(days: 365).iso) : explained(&self)
        row.expirationDate = kind == .option ? Field(grant.adding(days: 3_652).iso) : explained(&self)
        row.underlyingSecurityTitle = Field("Common Stock")
        let shares = shareAmount()
        row.underlyingSecurityShares = Field(decimal(shares, scale: 3))
        // Form 3 reports holdings by their underlying amount; Forms 4 and 5 also give the derivative balance.
        if form.baseNumber != 3 || rng.chance(30) {
            row.sharesOwnedFollowing = Field(decimal(shares, scale: 3))
        }
        (row.directOrIndirect, row.natureOfOwnership) = ownership()
        return row
    }

    // MARK: - Cells

    private mutating func transactionDate() -> CivilDate {
        guard let period = CivilDate(doc.periodOfReport ?? "") else { return filingDate }
        if form.baseNumber == 5 { return period.adding(days: -rng.int(0...360)) }
        let span = max(0, filingDate.daysSinceEpoch - period.daysSinceEpoch)
        // The period is the earliest transaction: the first row sits on it, later rows between it and the filing.
        if doc.nonDerivativeTransactions.isEmpty && doc.derivativeTransactions.isEmpty { return period }
        return period.adding(days: rng.int(0...min(span, 3)))
    }

    private mutating func deemedExecutionDate(after date: CivilDate) -> Field {
        rng.chance(3) ? Field(date.adding(days: rng.int(0...2)).iso) : Field()
    }

    private mutating func coding(formType: String, code: String) -> TransactionCoding {
        let swap = rng.chance(0.5)
        var ids: [String] = []
        if rng.chance(3) && doc.footnotes.count < 99 {
            ids = [newFootnote(rng.pick(Vocabulary.generalFootnotes))]
        }
        return TransactionCoding(formType: rng.chance(2) ? (formType == "4" ? "5" : "4") : formType, code: code,
                                 equitySwapInvolved: boolean(swap), footnoteIDs: ids)
    }

    private mutating func timeliness(formType: String) -> Field {
        if form.baseNumber == 5 { return rng.chance(25) ? Field("L") : Field() }
        if rng.chance(2) { return Field("E") }
        return doc.schemaVersion == "X0306" && rng.chance(40) ? Field("") : Field()
    }

    private mutating func acquiredCode(_ code: String) -> String {
        switch code {
        case "S", "F", "G", "D", "U": "D"
        case "J", "I": rng.chance(50) ? "D" : "A"
        default: "A"
        }
    }

    /// Shares in thousandths: mostly round lots, many odd counts, some fractional (`196.356`).
    mutating func shareAmount() -> Int {
        rng.weighted([
            (rng.int(1...500) * 100_000, 45),
            (rng.int(1...60_000) * 1000, 45),
            (rng.int(1...9_999_999), 10),
        ])
    }

    /// A price near the issuer's, with 2 to 4 decimals as filed.
    mutating func marketPrice() -> String {
        let tenThousandths = basePriceCents * 100 * rng.int(9_500...10_500) / 10_000
        let decimals = rng.weighted([(2, 65), (4, 25), (3, 10)])
        let unit = [1, 1000, 100, 10, 1][decimals]
        return decimal(max(1, tenThousandths / unit), scale: decimals, keepZeros: true)
    }

    private mutating func price(code: String, exercisePrice: String?) -> Field {
        if let exercisePrice { return Field(exercisePrice) }
        switch code {
        case "G", "W": return Field("0")
        case "A": return rng.chance(85) ? Field("0") : Field(marketPrice())
        case "J", "D", "U":
            if rng.chance(10) { return Field(nil, footnoteIDs: [newFootnote(rng.pick(Vocabulary.generalFootnotes))]) }
            return Field(marketPrice())
        case "S", "P":
            let price = marketPrice()
            guard rng.chance(20), doc.footnotes.count < 99 else { return Field(price) }
            let low = decimal(max(1, basePriceCents * 97 / 100), scale: 2, keepZeros: true)
            let high = decimal(basePriceCents * 103 / 100 + 1, scale: 2, keepZeros: true)
            let text = rng.pick(Vocabulary.priceFootnotes)
                .replacing("%LOW%", with: low).replacing("%HIGH%", with: high)
            return Field(price, footnoteIDs: [newFootnote(text)])
        default:
            return Field(marketPrice())
        }
    }

    private mutating func ownership() -> (Field, Field) {
        guard rng.chance(15) else { return (Field("D"), Field()) }
        let nature = rng.pick(Vocabulary.natures)
        let ids = nature == "See Footnote" || rng.chance(30) ? [newFootnote(rng.pick(Vocabulary.generalFootnotes))] : []
        return (Field("I"), Field(nature, footnoteIDs: doc.footnotes.count < 99 ? ids : []))
    }
}

/// `units / 10^scale` as decimal text; trailing zeros trimmed unless `keepZeros`.
func decimal(_ units: Int, scale: Int, keepZeros: Bool = false) -> String {
    var divisor = 1
    for _ in 0..<scale { divisor *= 10 }
    let whole = units / divisor
    let fraction = units % divisor
    guard scale > 0 else { return String(whole) }
    var digits = pad(fraction, scale)
    if !keepZeros {
        while digits.hasSuffix("0") { digits.removeLast() }
    }
    return digits.isEmpty ? String(whole) : "\(whole).\(digits)"
}
