import EdgarCore

/// Makes realistic ownership documents (the model, layout `.xml`) from a seed.
///
/// The documents follow the schema rules an ETL relies on (the ownership XML schemas): mandatory order and presence,
/// footnote ids `F1…Fn` each defined once and referenced at least once, values given only as a footnote
/// where the schema allows it, booleans spelled `0`/`1`/`true`/`false`, string lengths within the maxima.
/// They also carry the quirks seen in real filings: fractional shares, `0` prices for grants, empty
/// optional containers, `&`, `<` and `"` in free text, apostrophes in names.
public struct FilingGenerator: Sendable {
    var rng: SplitMix64
    /// The day the documents are filed; periods, transactions and signatures fall on or before it.
    public var filingDate: CivilDate
    private var issuers: [Issuer] = []
    private var issuerPrices: [Int] = []

    public init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let day = CivilDate(year: 2003, month: 7, day: 1).daysSinceEpoch + rng.int(0...8000)
        self.init(seed: rng.next(), filingDate: CivilDate(daysSinceEpoch: day))
    }

    public init(seed: UInt64, filingDate: CivilDate) {
        rng = SplitMix64(seed: seed)
        self.filingDate = filingDate
        // A fixed pool so that several filings of a day share an issuer, as they do on EDGAR.
        for _ in 0..<120 {
            issuers.append(makeIssuer())
            issuerPrices.append(rng.weighted([(rng.int(5...99), 2), (rng.int(100...9_999), 5), (rng.int(10_000...60_000), 2)]))
        }
    }

    public mutating func nextDocument(form: FormKind) -> OwnershipDocument {
        var builder = DocumentBuilder(form: form, filingDate: filingDate, rng: rng)
        let index = rng.int(0...(issuers.count - 1))
        builder.build(issuer: issuers[index], basePriceCents: issuerPrices[index])
        rng = builder.rng
        return builder.doc
    }

    private mutating func makeIssuer() -> Issuer {
        let stem = rng.pick(Vocabulary.companyStems)
        var name = stem + (rng.chance(50) ? ", " : " ") + rng.pick(Vocabulary.companySuffixes)
        if rng.chance(40) { name = name.uppercased() }
        let letters = stem.uppercased().filter { $0.isLetter && $0.isASCII }
        var symbol = String(letters.prefix(rng.int(2...4)))
        if symbol.isEmpty { symbol = "XYZ" }
        if rng.chance(3) { symbol = rng.pick(["N/A", "NONE", "BRK.B", "MOGA/MOGB"]) }
        return Issuer(cik: pad(rng.int(1_000...2_050_000), 10), name: name, tradingSymbol: symbol)
    }
}

/// Fills one document; a separate value so the generator's pools stay untouched while it works.
struct DocumentBuilder {
    let form: FormKind
    let filingDate: CivilDate
    var rng: SplitMix64
    var doc = OwnershipDocument(layout: .xml)
    /// How this filer spells booleans: mostly one style per filing agent, sometimes mixed.
    var booleanStyle = 0
    var basePriceCents = 1_000
    /// Shares (thousandths) held after the rows so far, per security title and nature of ownership.
    var balances: [String: Int] = [:]

    init(form: FormKind, filingDate: CivilDate, rng: SplitMix64) {
        self.form = form
        self.filingDate = filingDate
        self.rng = rng
    }

    mutating func build(issuer: Issuer, basePriceCents: Int) {
        self.basePriceCents = basePriceCents
        booleanStyle = rng.weighted([(0, 70), (1, 25), (2, 5)])
        let isForm3 = form.baseNumber == 3
        doc.schemaVersion = isForm3
            ? rng.weighted([("X0202", 15), ("X0206", 35), ("X0306", 20), ("X0508", 30)])
            : rng.weighted([("X0202", 25), ("X0306", 35), ("X0508", 40)])
        doc.documentType = form.documentType
        doc.periodOfReport = periodOfReport().iso
        // EDGAR stamps the schema in force on the filing day; the draw above still happens, so that documents filed
        // before X0609 come out exactly as they did.
        let isX0609 = filingDate >= ForeignInsiders.effective
        if isX0609 { doc.schemaVersion = "X0609" }
        if form.isAmendment {
            doc.dateOfOriginalSubmission = filingDate.adding(days: -rng.int(1...120)).iso
        }
        doc.issuer = issuer
        let ownerCount = rng.weighted([(1, 88), (2, 8), (3, 4)])
        doc.reportingOwners = (0..<ownerCount).map { makeOwner(first: $0 == 0, single: ownerCount == 1) }
        if isX0609 { applyX0609() }
        switch form.baseNumber {
        case 3:
            fillForm3()
        case 4:
            fillForm4Or5(transactionFormType: "4")
        default:
            fillForm4Or5(transactionFormType: "5")
        }
        if (doc.schemaVersion == "X0508" || isX0609) && !isForm3 && rng.chance(90) {
            doc.aff10b5One = rng.pick(["0", "1", "true", "false", "0", "0"])
        }
        if rng.chance(25) {
            doc.remarks = rng.pick(Vocabulary.remarks)
        } else if rng.chance(15) {
            doc.remarks = ""
        }
        doc.signatures = makeSignatures()
    }

    // MARK: - Header parts

    private mutating func periodOfReport() -> CivilDate {
        switch form.baseNumber {
        case 3:
            return filingDate.adding(days: -rng.int(0...10))
        case 4:
            return filingDate.adding(days: -rng.weighted([(0, 20), (1, 30), (2, 40), (rng.int(3...60), 10)]))
        default:
            // The fiscal year end before the filing: mostly December 31, sometimes June 30.
            if rng.chance(80) { return CivilDate(year: filingDate.year - 1, month: 12, day: 31) }
            return CivilDate(year: filingDate.month > 6 ? filingDate.year : filingDate.year - 1, month: 6, day: 30)
        }
    }

    mutating func boolean(_ value: Bool) -> String {
        let words = booleanStyle == 1 || (booleanStyle == 2 && rng.chance(50))
        return words ? (value ? "true" : "false") : (value ? "1" : "0")
    }

    private mutating func personName() -> String {
        let last = rng.pick(Vocabulary.lastNames)
        let first = rng.pick(Vocabulary.firstNames)
        let middle = rng.chance(60) ? " " + rng.pick(Vocabulary.middleInitials) : ""
        // EDGAR conforms individual names as LAST FIRST MIDDLE, in filer-chosen case.
        let name = "\(last) \(first)\(middle)"
        return rng.chance(40) ? name.uppercased() : name
    }

    private mutating func makeOwner(first: Bool, single: Bool) -> ReportingOwner {
        var owner = ReportingOwner()
        owner.cik = pad(rng.int(1_000_000...2_100_000), 10)
        let isEntity = !first && rng.chance(60) || rng.chance(6)
        owner.name = isEntity
            ? rng.pick(Vocabulary.entityStems) + " " + rng.pick(Vocabulary.entitySuffixes)
            : personName()
        if rng.chance(92) {
            let place = rng.pick(Vocabulary.cities)
            owner.street1 = rng.chance(35)
                ? String(("C/O " + (doc.issuer.name ?? "THE COMPANY").uppercased()).prefix(40))  // schema max 40
                : rng.pick(Vocabulary.streets)
            if rng.chance(35) { owner.street2 = rng.chance(70) ? rng.pick(Vocabulary.streets) : "" }
            owner.city = place.city
            owner.state = place.state
            owner.zipCode = place.zip
            if let description = Vocabulary.stateDescriptions[place.state] {
                owner.stateDescription = description
            } else if rng.chance(60) {
                owner.stateDescription = ""
            }
        }
        let role = isEntity
            ? rng.weighted([("ten", 75), ("other", 20), ("director", 5)])
            : rng.weighted([("officer", 50), ("director", 35), ("officerDirector", 8), ("ten", 4), ("other", 3)])
        let director = role == "director" || role == "officerDirector"
        let officer = role == "officer" || role == "officerDirector"
        let ten = role == "ten"
        let other = role == "other"
        let spellAll = rng.chance(45)
        if director || spellAll { owner.isDirector = boolean(director) }
        if officer || spellAll { owner.isOfficer = boolean(officer) }
        if ten || spellAll { owner.isTenPercentOwner = boolean(ten) }
        if other || spellAll { owner.isOther = boolean(other) }
        if officer {
            owner.officerTitle = rng.pick(Vocabulary.officerTitles)
        } else if rng.chance(10) {
            owner.officerTitle = ""
        }
        if other {
            owner.otherText = rng.pick(Vocabulary.otherTexts)
        } else if rng.chance(8) {
            owner.otherText = ""
        }
        return owner
    }

    private mutating func makeSignatures() -> [Signature] {
        let count = max(1, doc.reportingOwners.count - (rng.chance(50) ? doc.reportingOwners.count - 1 : 0))
        return (0..<count).map { _ in
            let signer = "\(rng.pick(Vocabulary.firstNames)) \(rng.chance(50) ? rng.pick(Vocabulary.middleInitials) + " " : "")\(rng.pick(Vocabulary.lastNames))"
            let name = (rng.chance(90) ? "/s/ " : "") + signer + rng.pick(Vocabulary.signatureSuffixes)
            return Signature(name: name, date: filingDate.adding(days: -rng.weighted([(0, 70), (1, 25), (2, 5)])).iso)
        }
    }

    // MARK: - Footnotes

    /// Defines a new footnote and returns its id.
    mutating func newFootnote(_ text: String) -> String {
        // The schema allows F1…F99; past that, point at the last one rather than invent F100.
        if doc.footnotes.count >= 99 { return doc.footnotes[98].id }
        let id = "F\(doc.footnotes.count + 1)"
        let resolved = text.contains("%DATE%") ? text.replacing("%DATE%", with: filingDate.adding(days: -rng.int(40...400)).iso) : text
        doc.footnotes.append(Footnote(id: id, text: resolved))
        return id
    }

    /// Footnote ids for a value: usually none, sometimes a new one, sometimes one already defined.
    mutating func maybeFootnotes(percent: Double, texts: [String]) -> [String] {
        guard doc.footnotes.count < 99, rng.chance(percent) else { return [] }
        var ids: [String] = []
        if !doc.footnotes.isEmpty && rng.chance(30) {
            ids.append(rng.pick(doc.footnotes).id)
        } else {
            ids.append(newFootnote(rng.pick(texts)))
        }
        if rng.chance(10) && doc.footnotes.count < 99 {
            let extra = newFootnote(rng.pick(Vocabulary.generalFootnotes))
            if !ids.contains(extra) { ids.append(extra) }
        }
        return ids
    }
}
