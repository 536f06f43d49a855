import EdgarCore

/// Schema X0609 (ownership XML technical specification 5.5), in force from 2026-03-18 under the Holding Foreign
/// Insiders Accountable Act: directors and officers of foreign private issuers file Forms 3, 4 and 5, the issuer
/// may have a home-market symbol, and an owner's address may be outside the United States.
///
/// Which issuers are foreign private issuers follows from their CIK, not from the random stream, so an issuer is
/// one in every filing and documents of older schemas draw exactly the numbers they drew before X0609 existed.
enum ForeignInsiders {
    static let effective = CivilDate(year: 2026, month: 3, day: 18)

    /// Percent of issuers that are foreign private issuers (a guess: no count of 2026 filings is at hand).
    static let foreignIssuerPercent = 10
    /// Percent of those with a home-market listing; the others trade only in the United States.
    static let homeListedPercent = 70
    /// Percent of owners with a non-US address, at a foreign private issuer and at any other issuer.
    static let nonUSOwnerPercentAtForeignIssuer = 75.0
    static let nonUSOwnerPercentElsewhere = 2.0
    /// Percent of US addresses that carry the two new address elements empty, as some filing agents write them.
    static let emptyElementsPercent = 10.0

    static func isForeignPrivateIssuer(_ issuer: Issuer) -> Bool {
        cikNumber(issuer) % 100 < foreignIssuerPercent
    }

    /// `issuerForeignTradingSymbol` as filed: the home-market ticker, or empty (the element is always written,
    /// empty for a US issuer, as in the real MSFT filing).
    static func foreignTradingSymbol(of issuer: Issuer) -> String {
        let n = cikNumber(issuer)
        guard isForeignPrivateIssuer(issuer), n / 100 % 100 < homeListedPercent else { return "" }
        let market = markets[n / 10_000 % markets.count]
        if market.numeric {
            return "\(1000 + n / 7 % 9000)\(market.suffix)"
        }
        let letters = (issuer.tradingSymbol ?? "").filter { $0.isLetter }
        return (letters.isEmpty ? "ABC" : String(letters.prefix(4))) + market.suffix
    }

    /// Home markets: the suffix data vendors append, and whether the market's tickers are numbers.
    static let markets: [(suffix: String, numeric: Bool)] = [
        (".L", false), (".PA", false), (".DE", false), (".AS", false), (".SW", false), (".CO", false),
        (".TO", false), (".T", true), (".TW", true), (".HK", true), (".TA", false), (".AX", false),
    ]

    /// Non-US addresses: street, city, state or territory as filed (empty where the country has none), country
    /// code as filed, postal code.
    static let places: [(street: String, city: String, territory: String, country: String, postal: String)] = [
        ("12 RUE DE LA PAIX", "PARIS", "ILE-DE-FRANCE", "FR", "75002"),
        ("1 CANADA SQUARE", "LONDON", "", "GB", "E14 5AB"),
        ("100 KING STREET WEST, SUITE 5700", "TORONTO", "ONTARIO", "CA", "M5X 1C7"),
        ("BAHNHOFSTRASSE 45", "ZURICH", "ZH", "CH", "8001"),
        ("1-1 MARUNOUCHI 1-CHOME, CHIYODA-KU", "TOKYO", "TOKYO", "JP", "100-0005"),
        ("NO. 8, LI-HSIN RD. 6", "HSINCHU", "HSINCHU SCIENCE PARK", "TW", "300096"),
        ("NOVO ALLE 1", "BAGSVAERD", "", "DK", "2880"),
        ("TAUNUSANLAGE 12", "FRANKFURT AM MAIN", "HESSE", "DE", "60325"),
        ("DE RUN 6501", "VELDHOVEN", "NOORD-BRABANT", "NL", "5504 DR"),
        ("8 FINANCE STREET, CENTRAL", "HONG KONG", "", "HK", ""),
        ("4 HAHARASH STREET", "HOD HASHARON", "", "IL", "4524075"),
        ("1 MARINA BOULEVARD #28-00", "SINGAPORE", "", "SG", "018989"),
    ]

    private static func cikNumber(_ issuer: Issuer) -> Int {
        Int(issuer.cik ?? "") ?? 0
    }
}

extension DocumentBuilder {
    /// Gives an X0609 document its issuer symbol and each owner the new address elements.
    mutating func applyX0609() {
        let foreignIssuer = ForeignInsiders.isForeignPrivateIssuer(doc.issuer)
        doc.issuer.foreignTradingSymbol = ForeignInsiders.foreignTradingSymbol(of: doc.issuer)
        for i in doc.reportingOwners.indices {
            var owner = doc.reportingOwners[i]
            let percent = foreignIssuer
                ? ForeignInsiders.nonUSOwnerPercentAtForeignIssuer : ForeignInsiders.nonUSOwnerPercentElsewhere
            if rng.chance(percent) {
                let place = rng.pick(ForeignInsiders.places)
                owner.nonUSAddressFlag = boolean(true)
                owner.street1 = place.street
                owner.street2 = rng.chance(20) ? "" : nil
                owner.city = place.city
                owner.state = nil
                owner.stateDescription = nil
                owner.nonUSStateTerritory = place.territory
                owner.country = place.country
                owner.zipCode = place.postal
            } else if owner.city != nil || owner.street1 != nil {
                // A US address: the flag is written false; the other two are absent, or empty.
                owner.nonUSAddressFlag = boolean(false)
                if rng.chance(ForeignInsiders.emptyElementsPercent) {
                    owner.nonUSStateTerritory = ""
                    owner.country = ""
                }
            }
            doc.reportingOwners[i] = owner
        }
    }
}
