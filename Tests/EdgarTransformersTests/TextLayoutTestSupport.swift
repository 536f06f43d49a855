import EdgarCore

/// What a text layout can carry of a model, with values in one light normal form, so that a model and its
/// text rendering read back compare equal.
///
/// Approach: the renderer formats values for display (dates `MM/DD/YYYY`, amounts `58,000`, prices `$0.85`) and
/// the comparison normalises both sides: dates to `YYYY-MM-DD`, numbers without `$` and separators, booleans
/// to `true`/`false`, whitespace runs to one space, empty strings to nil.
enum TextLayoutCarried {
    static func normalize(_ value: String?) -> String? {
        guard let value else { return nil }
        let words = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if words.isEmpty { return nil }
        if let date = isoDate(words) { return date }
        var number = words
        if number.hasPrefix("$") { number = String(number.dropFirst()).trimmingCharacters() }
        number = number.filter { $0 != "," }
        if !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), number.contains(where: \.isNumber) {
            return number
        }
        return words
    }

    static func boolean(_ value: String?) -> String? {
        guard let value = normalize(value)?.lowercased() else { return nil }
        switch value {
        case "1", "true": return "true"
        case "0", "false": return "false"
        default: return value
        }
    }

    static func isoDate(_ s: String) -> String? {
        let slash = s.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 3, slash.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), slash[2].count == 4 {
            return "\(slash[2])-\(pad(slash[0]))-\(pad(slash[1]))"
        }
        let chars = Array(s)
        if chars.count >= 10, chars[4] == "-", chars[7] == "-",
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ chars[$0].isNumber }), chars.count == 10 || !chars[10].isNumber
        {
            return String(chars[0..<10])
        }
        return nil
    }

    private static func pad(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }

    static func field(_ f: Field) -> Field { Field(normalize(f.value), footnoteIDs: f.footnoteIDs) }

    /// The model with every field the text layout cannot carry blanked and every value normalised.
    static func carried(_ input: OwnershipDocument) -> OwnershipDocument {
        var d = OwnershipDocument(layout: .text)
        let base = input.documentType.map { String($0.prefix(1)) }
        let form = base ?? "4"
        d.documentType = normalize(input.dateOfOriginalSubmission) == nil ? form : form + "/A"
        d.periodOfReport = normalize(input.periodOfReport)
        d.dateOfOriginalSubmission = normalize(input.dateOfOriginalSubmission)
        if form == "3" { d.noSecuritiesOwned = boolean(input.noSecuritiesOwned) == "true" ? "true" : nil }
        if form != "3" { d.notSubjectToSection16 = boolean(input.notSubjectToSection16) }
        if form == "5" {
            d.form3HoldingsReported = boolean(input.form3HoldingsReported)
            d.form4TransactionsReported = boolean(input.form4TransactionsReported)
        }
        d.aff10b5One = boolean(input.aff10b5One)
        d.issuer = Issuer(name: normalize(input.issuer.name), tradingSymbol: normalize(input.issuer.tradingSymbol))
        d.reportingOwners = input.reportingOwners.map { o in
            var r = ReportingOwner()
            r.name = normalize(o.name)
            r.street1 = normalize([o.street1, o.street2].compactMap { $0 }.joined(separator: " "))
            r.city = normalize(o.city)
            r.state = normalize(o.state)
            r.zipCode = normalize(o.zipCode)
            r.isDirector = boolean(o.isDirector)
            r.isOfficer = boolean(o.isOfficer)
            r.isTenPercentOwner = boolean(o.isTenPercentOwner)
            r.isOther = boolean(o.isOther)
            r.officerTitle = normalize(o.officerTitle)
            r.otherText = normalize(o.otherText)
            return r
        }
        let hasV = form == "4"
        if form != "3" {
            d.nonDerivativeTransactions = input.nonDerivativeTransactions.map { t in
                var r = NonDerivativeTransaction()
                r.securityTitle = field(t.securityTitle)
                r.transactionDate = field(t.transactionDate)
                r.deemedExecutionDate = field(t.deemedExecutionDate)
                r.coding = TransactionCoding(code: normalize(t.coding.code), footnoteIDs: t.coding.footnoteIDs)
                r.timeliness = hasV ? timeliness(t.timeliness) : Field()
                r.shares = field(t.shares)
                r.pricePerShare = field(t.pricePerShare)
                r.acquiredDisposedCode = field(t.acquiredDisposedCode)
                r.sharesOwnedFollowing = field(t.sharesOwnedFollowing)
                r.valueOwnedFollowing = field(t.valueOwnedFollowing)
                r.directOrIndirect = field(t.directOrIndirect)
                r.natureOfOwnership = field(t.natureOfOwnership)
                return r
            }
            d.derivativeTransactions = input.derivativeTransactions.map { t in
                var r = DerivativeTransaction()
                r.securityTitle = field(t.securityTitle)
                r.conversionOrExercisePrice = field(t.conversionOrExercisePrice)
                r.transactionDate = field(t.transactionDate)
                r.deemedExecutionDate = field(t.deemedExecutionDate)
                r.coding = TransactionCoding(code: normalize(t.coding.code), footnoteIDs: t.coding.footnoteIDs)
                r.timeliness = hasV ? timeliness(t.timeliness) : Field()
                r.shares = field(t.shares)
                r.totalValue = field(t.totalValue)
                r.pricePerShare = field(t.pricePerShare)
                r.acquiredDisposedCode = Field(normalize(t.acquiredDisposedCode.value))
                r.exerciseDate = field(t.exerciseDate)
                r.expirationDate = field(t.expirationDate)
                r.underlyingSecurityTitle = field(t.underlyingSecurityTitle)
                r.underlyingSecurityShares = field(t.underlyingSecurityShares)
                r.underlyingSecurityValue = field(t.underlyingSecurityValue)
                r.sharesOwnedFollowing = field(t.sharesOwnedFollowing)
                r.valueOwnedFollowing = field(t.valueOwnedFollowing)
                r.directOrIndirect = field(t.directOrIndirect)
                r.natureOfOwnership = field(t.natureOfOwnership)
                return r
            }
        }
        d.nonDerivativeHoldings = input.nonDerivativeHoldings.map { h in
            var r = NonDerivativeHolding()
            r.securityTitle = field(h.securityTitle)
            r.sharesOwnedFollowing = field(h.sharesOwnedFollowing)
            r.valueOwnedFollowing = field(h.valueOwnedFollowing)
            r.directOrIndirect = field(h.directOrIndirect)
            r.natureOfOwnership = field(h.natureOfOwnership)
            return r
        }
        d.derivativeHoldings = input.derivativeHoldings.map { h in
            var r = DerivativeHolding()
            r.securityTitle = field(h.securityTitle)
            r.conversionOrExercisePrice = field(h.conversionOrExercisePrice)
            r.exerciseDate = field(h.exerciseDate)
            r.expirationDate = field(h.expirationDate)
            r.underlyingSecurityTitle = field(h.underlyingSecurityTitle)
            r.underlyingSecurityShares = field(h.underlyingSecurityShares)
            r.underlyingSecurityValue = field(h.underlyingSecurityValue)
            if form != "3" {
                r.sharesOwnedFollowing = field(h.sharesOwnedFollowing)
                r.valueOwnedFollowing = field(h.valueOwnedFollowing)
            }
            r.directOrIndirect = field(h.directOrIndirect)
            r.natureOfOwnership = field(h.natureOfOwnership)
            return r
        }
        d.footnotes = input.footnotes.map { Footnote(id: $0.id, text: normalize($0.text)) }
        d.remarks = normalize(input.remarks)
        d.signatures = input.signatures.map { Signature(name: normalize($0.name), date: normalize($0.date)) }
        return d
    }

    /// Timeliness shows only as `V` (= `E`), with its footnotes.
    private static func timeliness(_ f: Field) -> Field {
        Field(normalize(f.value)?.uppercased() == "E" ? "E" : nil, footnoteIDs: f.footnoteIDs)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters() -> String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
