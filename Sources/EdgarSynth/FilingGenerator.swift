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
