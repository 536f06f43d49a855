import EdgarCore

/// Builds the SGML header of an ownership submission from its model, the way EDGAR fills it from its
/// company database: owners' conformed names and mail addresses, the issuer's SIC, IRS number, addresses and
/// former names. Issuer details are derived from the issuer's CIK, so every filing of one issuer agrees.
enum HeaderFactory {
    static let sics: [(code: String, description: String)] = [
        ("3720", "AIRCRAFT & PARTS"), ("5065", "WHOLESALE-ELECTRONIC PARTS & EQUIPMENT, NEC"),
        ("2834", "PHARMACEUTICAL PREPARATIONS"), ("7372", "SERVICES-PREPACKAGED SOFTWARE"),
        ("6022", "STATE COMMERCIAL BANKS"), ("3841", "SURGICAL & MEDICAL INSTRUMENTS & APPARATUS"),
        ("4911", "ELECTRIC SERVICES"), ("6798", "REAL ESTATE INVESTMENT TRUSTS"), ("5331", "RETAIL-VARIETY STORES"),
    ]
    static let organizations = ["07 Trade & Services", "04 Manufacturing", "03 Life Sciences", "06 Technology",
                                "02 Finance", "05 Real Estate & Construction", "01 Energy & Transportation"]
    static let states = ["DE", "DE", "DE", "NY", "CA", "NV", "MD", "E9"]

    static func ownershipHeader(for doc: OwnershipDocument, filingDate: CivilDate, rng: inout SplitMix64) -> SubmissionHeader {
        let type = doc.documentType ?? "4"
        let issuer = issuerEntity(doc.issuer, role: .issuer)
        let owners = doc.reportingOwners.map { owner -> HeaderEntity in
            var e = HeaderEntity(role: .reportingOwner, conformedName: owner.name ?? "", cik: owner.cik ?? "")
            e.organizationName = ""
            e.filingValues = FilingValues(formType: type, fileNumber: fileNumber(doc.issuer.cik ?? ""), filmNumber: rng.digits(8))
            if let street1 = owner.street1, let city = owner.city {
                e.mailAddress = HeaderAddress(street1: street1.uppercased(), street2: owner.street2.flatMap { $0.isEmpty ? nil : $0.uppercased() },
                                              city: city, state: owner.state ?? "", zip: owner.zipCode ?? "")
            }
            return e
        }
        // 2007-era headers list the issuer first; later ones the owners first.
        let issuerFirst = doc.schemaVersion == "X0202"
        return SubmissionHeader(type: type, period: doc.periodOfReport.map { $0.filter { $0 != "-" } },
                                entities: issuerFirst ? [issuer] + owners : owners + [issuer])
    }

    /// A company entity (issuer, filer, subject company) with details fixed by its CIK.
    static func issuerEntity(_ issuer: Issuer, role: HeaderEntity.Role) -> HeaderEntity {
        let cik = issuer.cik ?? "0000000000"
        var r = SplitMix64(seed: UInt64(cik) ?? 0)
        var e = HeaderEntity(role: role, conformedName: (issuer.name ?? "").uppercased(), cik: cik)
        let sic = r.pick(sics)
        e.sicCode = sic.code
        e.sicDescription = sic.description
        e.organizationName = r.pick(organizations)
        e.irsNumber = r.digits(9)
        e.stateOfIncorporation = r.pick(states)
        e.fiscalYearEnd = r.chance(80) ? "1231" : r.pick(["0331", "0630", "0930", "0531"])
        let place = r.pick(Vocabulary.cities)
        let street = r.pick(Vocabulary.streets)
        e.businessAddress = HeaderAddress(street1: street, city: place.city, state: place.state, zip: place.zip,
                                          phone: "\(r.int(201...989))-\(r.int(200...999))-\(r.digits(4))")
        e.mailAddress = HeaderAddress(street1: street, city: place.city, state: place.state, zip: place.zip)
        for i in 0..<r.weighted([(0, 60), (1, 30), (2, 10)]) {
            let name = e.conformedName.filter { $0 != "," && $0 != "." } + (i == 0 ? "" : " /DE/")
            e.formerNames.append(FormerName(name: name, dateChanged: CivilDate(daysSinceEpoch: r.int(3_000...19_000)).compact))
        }
        return e
    }

    static func fileNumber(_ issuerCIK: String) -> String {
        var r = SplitMix64(seed: (UInt64(issuerCIK) ?? 0) &* 31)
        return "001-\(r.digits(5))"
    }
}
