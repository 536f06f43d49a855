import EdgarCore

/// Models for the round trips: hand-built Forms 3, 4, 5 and 4/A, and randomly generated ones.
enum TextLayoutFixtures {
    static func owner(
        _ name: String, street1: String?, street2: String? = nil, city: String?, state: String?, zip: String?,
        director: String? = "0", officer: String? = "0", tenPercent: String? = "0", other: String? = "0",
        title: String? = nil, text: String? = nil
    ) -> ReportingOwner {
        var o = ReportingOwner()
        o.cik = "0001234567"
        o.name = name
        o.street1 = street1
        o.street2 = street2
        o.city = city
        o.state = state
        o.zipCode = zip
        o.stateDescription = "should not survive"
        o.isDirector = director
        o.isOfficer = officer
        o.isTenPercentOwner = tenPercent
        o.isOther = other
        o.officerTitle = title
        o.otherText = text
        return o
    }

    static func handBuilt() -> [OwnershipDocument] {
        var form4 = OwnershipDocument(layout: .xml)
        form4.schemaVersion = "X0306"
        form4.documentType = "4"
        form4.periodOfReport = "2003-11-10"
        form4.notSubjectToSection16 = "0"
        form4.issuer = Issuer(cik: "0001023731", name: "8X8 INC /DE/", tradingSymbol: "eght")
        form4.reportingOwners = [
            owner("PETERS CHRISTOPHER", street1: "C/O 8X8 INC", street2: "2445 MISSION COLLEGE BLVD", city: "SANTA CLARA",
                  state: "CA", zip: "65054", officer: "1", title: "VP, Corporate Development")
        ]
        var t = NonDerivativeTransaction()
        t.securityTitle = Field("Common Stock")
        t.transactionDate = Field("2003-11-10")
        t.coding = TransactionCoding(formType: "4", code: "M", equitySwapInvolved: "0")
        t.shares = Field("58000")
        t.pricePerShare = Field("0.85")
        t.acquiredDisposedCode = Field("A")
        t.sharesOwnedFollowing = Field("87300")
        t.directOrIndirect = Field("D")
        form4.nonDerivativeTransactions = [t]
        var d = DerivativeTransaction()
        d.securityTitle = Field("Employee stock option (Right to buy)")
        d.conversionOrExercisePrice = Field("0.85")
        d.transactionDate = Field("2003-11-10")
        d.coding = TransactionCoding(formType: "4", code: "M", equitySwapInvolved: "0")
        d.shares = Field("58000")
        d.pricePerShare = Field("0")
        d.acquiredDisposedCode = Field("D")
        d.exerciseDate = Field(nil, footnoteIDs: ["F1"])
        d.expirationDate = Field("2011-10-23")
        d.underlyingSecurityTitle = Field("Common Stock")
        d.underlyingSecurityShares = Field("58000")
        d.sharesOwnedFollowing = Field("419000")
        d.directOrIndirect = Field("D")
        form4.derivativeTransactions = [d]
        form4.footnotes = [Footnote(id: "F1", text: "One-fourth (1/4th) of the shares shall vest one year after.")]
        form4.signatures = [Signature(name: "/s/ Christopher Peters", date: "2003-11-12")]

        // 4/A, three owners, footnotes on every column, only-footnote cells, value variants, V, holdings, 10b5-1.
        var amended = form4
        amended.documentType = "4/A"
        amended.dateOfOriginalSubmission = "2003-11-12"
        amended.notSubjectToSection16 = "true"
        amended.aff10b5One = "1"
        amended.reportingOwners = [
            owner("SMITH JOHN Q", street1: "100 MAIN ST", street2: "SUITE 5", city: "SALT LAKE CITY", state: "UT",
                  zip: "84101-1234", director: "1", officer: "1", tenPercent: "0", other: "1", title: "Chief Executive Officer",
                  text: "Member of 13(d) group"),
            owner("ACME HOLDINGS LP", street1: "1 BAY ST", city: "TORONTO ONTARIO", state: "A6", zip: "M5J 2T3",
                  director: nil, officer: nil, tenPercent: "true", other: nil),
            owner("DOE JANE", street1: nil, city: nil, state: nil, zip: nil, director: "false", officer: "false",
                  tenPercent: "false", other: "true", text: "Trustee / Adviser"),
        ]
        var rich = NonDerivativeTransaction()
        rich.securityTitle = Field("Class A Common Stock, par value $0.01", footnoteIDs: ["F1"])
        rich.transactionDate = Field("2003-11-10", footnoteIDs: ["F2"])
        rich.deemedExecutionDate = Field("2003-11-11", footnoteIDs: ["F3"])
        rich.coding = TransactionCoding(code: "J", footnoteIDs: ["F4"])
        rich.timeliness = Field("E", footnoteIDs: ["F5"])
        rich.shares = Field("1234.5678", footnoteIDs: ["F6"])
        rich.pricePerShare = Field(nil, footnoteIDs: ["F7", "F8"])
        rich.acquiredDisposedCode = Field("D", footnoteIDs: ["F9"])
        rich.valueOwnedFollowing = Field("1250000.50", footnoteIDs: ["F10"])
        rich.directOrIndirect = Field("I", footnoteIDs: ["F11"])
        rich.natureOfOwnership = Field("By Trust", footnoteIDs: ["F12"])
        var plain = t
        plain.coding = TransactionCoding(code: "S")
        plain.acquiredDisposedCode = Field("D")
        plain.shares = Field("18000")
        plain.pricePerShare = Field("3.9459")
        plain.sharesOwnedFollowing = Field("69300")
        amended.nonDerivativeTransactions = [rich, plain, plain, plain]
        var holding = NonDerivativeHolding()
        holding.securityTitle = Field("Common Stock")
        holding.coding = TransactionCoding(formType: "4", footnoteIDs: ["F1"])
        holding.sharesOwnedFollowing = Field("151188")
        holding.directOrIndirect = Field("I")
        holding.natureOfOwnership = Field("Trust", footnoteIDs: ["F3"])
        var valueHolding = holding
        valueHolding.sharesOwnedFollowing = Field()
        valueHolding.valueOwnedFollowing = Field("99.5")
        amended.nonDerivativeHoldings = [holding, valueHolding]
        var valued = d
        valued.shares = Field()
        valued.totalValue = Field("250000", footnoteIDs: ["F2"])
        valued.acquiredDisposedCode = Field("A")
        valued.timeliness = Field("E")
        valued.conversionOrExercisePrice = Field(nil, footnoteIDs: ["F4"])
        valued.expirationDate = Field(nil, footnoteIDs: ["F5"])
        valued.underlyingSecurityShares = Field()
        valued.underlyingSecurityValue = Field("250000")
        valued.valueOwnedFollowing = Field("500000")
        valued.sharesOwnedFollowing = Field()
        var derivativeHolding = DerivativeHolding()
        derivativeHolding.securityTitle = Field("Series E Preferred Stock")
        derivativeHolding.exerciseDate = Field(nil, footnoteIDs: ["F1"])
        derivativeHolding.expirationDate = Field(nil, footnoteIDs: ["F1"])
        derivativeHolding.underlyingSecurityTitle = Field("Class B Common Stock", footnoteIDs: ["F2", "F3"])
        derivativeHolding.underlyingSecurityShares = Field("134018")
        derivativeHolding.sharesOwnedFollowing = Field("134018")
        derivativeHolding.directOrIndirect = Field("I")
        derivativeHolding.natureOfOwnership = Field("Limited Partnership", footnoteIDs: ["F4"])
        amended.derivativeTransactions = [d, valued]
        amended.derivativeHoldings = [derivativeHolding]
        amended.footnotes = (1...12).map { Footnote(id: "F\($0)", text: "Footnote number \($0) (see $5.00 note).") }
        amended.remarks = "Filing 1 of 2.\nExhibit 24 - Power of Attorney"
        amended.signatures = [
            Signature(name: "/s/ John Q Smith", date: "2003-11-12"),
            Signature(name: "/s/ Jane Doe, Attorney-in-Fact for Acme Holdings LP", date: "11/13/2003"),
        ]

        var form3 = OwnershipDocument(layout: .xml)
        form3.documentType = "3"
        form3.periodOfReport = "2020-09-15"
        form3.noSecuritiesOwned = "0"
        form3.issuer = Issuer(name: "Snowflake Inc.", tradingSymbol: "SNOW")
        form3.reportingOwners = [
            owner("GARRETT MARK", street1: "C/O SNOWFLAKE INC.", street2: "450 CONCAR DRIVE", city: "SAN MATEO",
                  state: "CA", zip: "94402", director: "1"),
            owner("GARRETT FAMILY PARTNERSHIP", street1: "450 CONCAR DRIVE", city: "SAN MATEO", state: "CA", zip: "94402",
                  director: "0", tenPercent: "1"),
        ]
        form3.nonDerivativeHoldings = [holding, valueHolding]
        var option = derivativeHolding
        option.securityTitle = Field("Stock Option (Right to Buy)")
        option.conversionOrExercisePrice = Field("3.74")
        option.exerciseDate = Field(nil, footnoteIDs: ["F5"])
        option.expirationDate = Field("2028-04-14")
        option.directOrIndirect = Field("D")
        option.natureOfOwnership = Field()
        form3.derivativeHoldings = Array(repeating: derivativeHolding, count: 2) + Array(repeating: option, count: 5)
        form3.footnotes = (1...5).map { Footnote(id: "F\($0)", text: "Form 3 footnote \($0).") }
        form3.remarks = "Exhibit 24 - Power of Attorney"
        form3.signatures = [Signature(name: "/s/ Travis Shrout, Attorney-in-Fact", date: "2020-09-15")]

        var none = OwnershipDocument(layout: .xml)
        none.documentType = "3/A"
        none.dateOfOriginalSubmission = "2009-01-02"
        none.periodOfReport = "2008-12-31"
        none.noSecuritiesOwned = "1"
        none.issuer = Issuer(name: "SUNPOWER CORP", tradingSymbol: "SPWR")
        none.reportingOwners = [owner("WOOD MARTY", street1: "77 RIO ROBLES", city: "SAN JOSE", state: "CA", zip: "95134",
                                      officer: "1", title: "EVP / CFO")]
        none.remarks = "No securities."
        none.signatures = [Signature(name: "Marty Wood", date: "2009-01-05")]

        var form5 = OwnershipDocument(layout: .xml)
        form5.documentType = "5"
        form5.periodOfReport = "2022-01-31"
        form5.notSubjectToSection16 = "false"
        form5.form3HoldingsReported = "0"
        form5.form4TransactionsReported = "1"
        form5.issuer = Issuer(name: "Snowflake Inc.", tradingSymbol: "SNOW")
        form5.reportingOwners = [owner("McMahon John Dennis", street1: "106 EAST BABCOCK STREET, SUITE 3A",
                                       city: "BOZEMAN", state: "MT", zip: "59715", director: "1")]
        var gift = NonDerivativeTransaction()
        gift.securityTitle = Field("Class A Common Stock")
        gift.transactionDate = Field("2021-12-23")
        gift.coding = TransactionCoding(formType: "5", code: "G", footnoteIDs: ["F1"])
        gift.timeliness = Field("L")
        gift.shares = Field("61386")
        gift.pricePerShare = Field("0")
        gift.acquiredDisposedCode = Field("D")
        gift.sharesOwnedFollowing = Field("54666", footnoteIDs: ["F2"])
        gift.directOrIndirect = Field("D")
        form5.nonDerivativeTransactions = [gift]
        form5.nonDerivativeHoldings = [holding, holding]
        form5.derivativeTransactions = [d]
        form5.derivativeHoldings = [derivativeHolding]
        form5.footnotes = [Footnote(id: "F1", text: "Gift."), Footnote(id: "F2", text: "Includes RSUs.")]
        form5.signatures = [Signature(name: "/s/ Travis Shrout, Attorney-in-Fact", date: "2022-03-11")]

        return [form4, amended, form3, none, form5]
    }

    // MARK: Random forms within what the text carries

    static func random(_ r: inout SplitMix) -> OwnershipDocument {
        var doc = OwnershipDocument(layout: .xml)
        let form = r.pick(["3", "4", "5"])
        let amended = r.chance(25)
        doc.documentType = form + (amended ? "/A" : "")
        if amended { doc.dateOfOriginalSubmission = date(&r) }
        doc.periodOfReport = date(&r)
        let booleans: [String?] = [nil, "0", "1", "true", "false"]
        doc.notSubjectToSection16 = form == "3" ? nil : r.pick(booleans)
        doc.aff10b5One = r.pick(booleans)
        if form == "5" {
            doc.form3HoldingsReported = r.pick(booleans)
            doc.form4TransactionsReported = r.pick(booleans)
        }
        if form == "3" { doc.noSecuritiesOwned = r.pick([nil, "0", "1"]) }
        doc.issuer = Issuer(name: r.pick(["8X8 INC /DE/", "Snowflake Inc.", "AT&T INC.", "O'Reilly Automotive, Inc."]),
                            tradingSymbol: r.pick([nil, "eght", "SNOW", "T", "ORLY"]))
        doc.reportingOwners = (0..<(1 + Int(r.next() % 4))).map { _ in randomOwner(&r) }
        let footnoteCount = Int(r.next() % 8)
        func fields(_ value: String?) -> Field {
            let ids = footnoteCount == 0 || !r.chance(30) ? [] : ["F\(1 + r.next() % UInt64(footnoteCount))"]
            if !ids.isEmpty, r.chance(20) { return Field(nil, footnoteIDs: ids) }
            return Field(value, footnoteIDs: ids)
        }
        let titles = ["Common Stock", "Class A Common Stock, par value $0.01", "Series B Preferred (convertible)", "Units"]
        let amounts = ["58000", "1234.5", "0", "1000000", "7", "196.356"]
        let prices = ["0.85", "3.9459", "0", "12", "1000.25"]
        let rows = form == "3" ? 0 : Int(r.next() % 5)
        for _ in 0..<rows {
            var t = NonDerivativeTransaction()
            t.securityTitle = fields(r.pick(titles))
            t.transactionDate = Field(date(&r), footnoteIDs: fields(nil).footnoteIDs)
            t.deemedExecutionDate = r.chance(30) ? fields(date(&r)) : Field()
            t.coding = TransactionCoding(code: r.pick(["M", "S", "P", "A", "G", "F"]), footnoteIDs: fields(nil).footnoteIDs)
            t.timeliness = form == "4" && r.chance(30) ? fields("E") : Field()
            t.shares = fields(r.pick(amounts))
            t.pricePerShare = fields(r.pick(prices))
            t.acquiredDisposedCode = fields(r.pick(["A", "D"]))
            if r.chance(20) { t.valueOwnedFollowing = Field(r.pick(prices)) } else { t.sharesOwnedFollowing = fields(r.pick(amounts)) }
            t.directOrIndirect = fields(r.pick(["D", "I"]))
            t.natureOfOwnership = r.chance(40) ? fields("By Spouse") : Field()
            doc.nonDerivativeTransactions.append(t)
        }
        for _ in 0..<Int(r.next() % 4) {
            var h = NonDerivativeHolding()
            h.securityTitle = fields(r.pick(titles))
            if r.chance(20) { h.valueOwnedFollowing = Field(r.pick(prices)) } else { h.sharesOwnedFollowing = fields(r.pick(amounts)) }
            h.directOrIndirect = fields(r.pick(["D", "I"]))
            h.natureOfOwnership = r.chance(50) ? fields("Trust") : Field()
            doc.nonDerivativeHoldings.append(h)
        }
        let derivativeRows = form == "3" ? 0 : Int(r.next() % 4)
        for _ in 0..<derivativeRows {
            var t = DerivativeTransaction()
            t.securityTitle = fields("Stock Option (Right to Buy)")
            t.conversionOrExercisePrice = fields(r.pick(prices))
            t.transactionDate = Field(date(&r))
            t.coding = TransactionCoding(code: r.pick(["M", "A", "X"]), footnoteIDs: fields(nil).footnoteIDs)
            t.timeliness = form == "4" && r.chance(30) ? Field("E") : Field()
            if r.chance(20) { t.totalValue = Field(r.pick(prices)) } else { t.shares = fields(r.pick(amounts)) }
            t.acquiredDisposedCode = Field(r.pick(["A", "D"]))
            t.exerciseDate = fields(date(&r))
            t.expirationDate = fields(date(&r))
            t.underlyingSecurityTitle = fields("Common Stock")
            if r.chance(20) { t.underlyingSecurityValue = Field(r.pick(prices)) } else { t.underlyingSecurityShares = fields(r.pick(amounts)) }
            t.pricePerShare = fields(r.pick(prices))
            if r.chance(20) { t.valueOwnedFollowing = Field(r.pick(prices)) } else { t.sharesOwnedFollowing = fields(r.pick(amounts)) }
            t.directOrIndirect = fields(r.pick(["D", "I"]))
            t.natureOfOwnership = r.chance(30) ? fields("By LLC") : Field()
            doc.derivativeTransactions.append(t)
        }
        for _ in 0..<Int(r.next() % 4) {
            var h = DerivativeHolding()
            h.securityTitle = fields("Warrants")
            h.conversionOrExercisePrice = fields(r.pick(prices))
            h.exerciseDate = fields(date(&r))
            h.expirationDate = fields(date(&r))
            h.underlyingSecurityTitle = fields("Common Stock")
            if r.chance(20) { h.underlyingSecurityValue = Field(r.pick(prices)) } else { h.underlyingSecurityShares = fields(r.pick(amounts)) }
            if form != "3" {
                if r.chance(20) { h.valueOwnedFollowing = Field(r.pick(prices)) } else { h.sharesOwnedFollowing = fields(r.pick(amounts)) }
            }
            h.directOrIndirect = fields(r.pick(["D", "I"]))
            h.natureOfOwnership = r.chance(30) ? fields("See footnote") : Field()
            doc.derivativeHoldings.append(h)
        }
        doc.footnotes = (0..<footnoteCount).map {
            Footnote(id: "F\($0 + 1)", text: r.pick(["Weighted average price of $10.00 to $11.00.", "Held by trust.",
                                                     "Vests 1/4 per year (subject to (i) service)."]))
        }
        doc.remarks = r.pick([nil, "Exhibit 24", "Line one.\nLine two with $5."])
        doc.signatures = (0..<(1 + Int(r.next() % 3))).map { _ in
            Signature(name: r.pick(["/s/ Christopher Peters", "By: Jane Doe, Attorney-in-Fact", "/s/ A. B. C"]), date: date(&r))
        }
        return doc
    }

    static func date(_ r: inout SplitMix) -> String {
        let year = 2003 + Int(r.next() % 22)
        let month = 1 + Int(r.next() % 12)
        let day = 1 + Int(r.next() % 28)
        return r.chance(70)
            ? "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            : "\(month < 10 ? "0" : "")\(month)/\(day < 10 ? "0" : "")\(day)/\(year)"
    }

    static func randomOwner(_ r: inout SplitMix) -> ReportingOwner {
        let booleans: [String?] = [nil, "0", "1", "true", "false"]
        var o = owner(
            r.pick(["PETERS CHRISTOPHER", "BROOKFIELD Corp /ON/", "O'BRIEN PATRICK J", "Melkote Rajesh Ramaswamy"]),
            street1: r.pick([nil, "C/O 8X8 INC", "100 SOUTHCENTER COURT, SUITE 200"]), street2: r.pick([nil, "FLOOR 2"]),
            city: r.pick([nil, "SANTA CLARA", "NEW YORK", "SALT LAKE CITY", "ST LOUIS", "TORONTO ONTARIO"]),
            state: r.pick([nil, "CA", "NY", "A6", "MO"]), zip: r.pick([nil, "65054", "10022-1234", "M5J2T3"]),
            director: r.pick(booleans), officer: r.pick(booleans), tenPercent: r.pick(booleans), other: r.pick(booleans))
        // `title / text` is split back when both or neither of Officer and Other are checked.
        let officer = TextLayoutCarried.boolean(o.isOfficer) == "true"
        let other = TextLayoutCarried.boolean(o.isOther) == "true"
        let title = r.pick([nil, "VP, Corporate Development", "Chief Technology Officer"])
        let text = r.pick([nil, "Member of group", "Trustee"])
        if officer == other {
            o.officerTitle = title
            o.otherText = text
        } else if officer {
            o.officerTitle = r.chance(50) ? "EVP / CFO" : title
        } else {
            o.otherText = text
        }
        if o.state == nil, o.city?.split(separator: " ").contains(where: { $0.count == 2 }) == true { o.state = "NY" }
        return o
    }
}
