import EdgarCore
import EdgarSynth
import Testing

@Suite("Synth model generator")
struct SynthGeneratorTests {
    static let booleans: Set<String> = ["0", "1", "true", "false"]

    /// Every `Field` of a document with the schema maximum of its value (nil: not a string field).
    static func fields(_ doc: OwnershipDocument) -> [(name: String, field: Field, maxLength: Int?)] {
        var out: [(String, Field, Int?)] = []
        for r in doc.nonDerivativeTransactions {
            out += [("securityTitle", r.securityTitle, 60), ("transactionDate", r.transactionDate, nil),
                    ("deemedExecutionDate", r.deemedExecutionDate, nil), ("timeliness", r.timeliness, 1), ("shares", r.shares, nil),
                    ("price", r.pricePerShare, nil), ("ad", r.acquiredDisposedCode, 1), ("following", r.sharesOwnedFollowing, nil),
                    ("valueFollowing", r.valueOwnedFollowing, nil), ("direct", r.directOrIndirect, 1), ("nature", r.natureOfOwnership, 100)]
        }
        for r in doc.nonDerivativeHoldings {
            out += [("securityTitle", r.securityTitle, 60), ("following", r.sharesOwnedFollowing, nil),
                    ("valueFollowing", r.valueOwnedFollowing, nil), ("direct", r.directOrIndirect, 1), ("nature", r.natureOfOwnership, 100)]
        }
        for r in doc.derivativeTransactions {
            out += [("securityTitle", r.securityTitle, 60), ("conversion", r.conversionOrExercisePrice, nil),
                    ("transactionDate", r.transactionDate, nil), ("deemedExecutionDate", r.deemedExecutionDate, nil),
                    ("timeliness", r.timeliness, 1), ("shares", r.shares, nil), ("totalValue", r.totalValue, nil),
                    ("price", r.pricePerShare, nil), ("ad", r.acquiredDisposedCode, 1), ("exerciseDate", r.exerciseDate, nil),
                    ("expirationDate", r.expirationDate, nil), ("underlyingTitle", r.underlyingSecurityTitle, 60),
                    ("underlyingShares", r.underlyingSecurityShares, nil), ("underlyingValue", r.underlyingSecurityValue, nil),
                    ("following", r.sharesOwnedFollowing, nil), ("valueFollowing", r.valueOwnedFollowing, nil),
                    ("direct", r.directOrIndirect, 1), ("nature", r.natureOfOwnership, 100)]
        }
        for r in doc.derivativeHoldings {
            out += [("securityTitle", r.securityTitle, 60), ("conversion", r.conversionOrExercisePrice, nil),
                    ("exerciseDate", r.exerciseDate, nil), ("expirationDate", r.expirationDate, nil),
                    ("underlyingTitle", r.underlyingSecurityTitle, 60), ("underlyingShares", r.underlyingSecurityShares, nil),
                    ("underlyingValue", r.underlyingSecurityValue, nil), ("following", r.sharesOwnedFollowing, nil),
                    ("valueFollowing", r.valueOwnedFollowing, nil), ("direct", r.directOrIndirect, 1), ("nature", r.natureOfOwnership, 100)]
        }
        return out
    }

    static func codings(_ doc: OwnershipDocument) -> [TransactionCoding] {
        doc.nonDerivativeTransactions.map(\.coding) + doc.nonDerivativeHoldings.map(\.coding)
            + doc.derivativeTransactions.map(\.coding) + doc.derivativeHoldings.map(\.coding)
    }

    static func documents(count: Int, seed: UInt64) -> [(FormKind, OwnershipDocument)] {
        var generator = FilingGenerator(seed: seed, filingDate: CivilDate(year: 2024, month: 8, day: 2))
        return (0..<count).map { i in
            let form = FormKind.allCases[i % 13 < 8 ? 2 : i % 6]
            return (form, generator.nextDocument(form: form))
        }
    }

    @Test func documentsKeepTheSchemaRules() {
        for (form, doc) in Self.documents(count: 2_000, seed: 3) {
            #expect(doc.layout == .xml)
            #expect(doc.documentType == form.documentType)
            #expect((doc.dateOfOriginalSubmission != nil) == form.isAmendment)
            #expect(CivilDate(doc.periodOfReport ?? "") != nil)
            if let aff = doc.aff10b5One {
                #expect(doc.schemaVersion == "X0508" && form.baseNumber != 3 && Self.booleans.contains(aff))
            }
            for flag in [doc.noSecuritiesOwned, doc.notSubjectToSection16, doc.form3HoldingsReported, doc.form4TransactionsReported] {
                if let flag { #expect(Self.booleans.contains(flag)) }
            }
            #expect((doc.issuer.cik?.count ?? 0) == 10 && (doc.issuer.name?.count ?? 0) <= 150 && (doc.issuer.tradingSymbol?.count ?? 0) <= 10)
            #expect((1...3).contains(doc.reportingOwners.count))
            #expect(Set(doc.reportingOwners.compactMap(\.cik)).count == doc.reportingOwners.count, "duplicate owner CIK")
            for owner in doc.reportingOwners {
                for (value, limit) in [(owner.name, 150), (owner.street1, 40), (owner.street2, 40), (owner.city, 30),
                                       (owner.state, 2), (owner.zipCode, 10), (owner.stateDescription, 50),
                                       (owner.officerTitle, 30), (owner.otherText, 30)] {
                    #expect((value?.count ?? 0) <= limit, "\(value ?? "") longer than \(limit)")
                }
                let flags = [owner.isDirector, owner.isOfficer, owner.isTenPercentOwner, owner.isOther].compactMap { $0 }
                #expect(flags.allSatisfy(Self.booleans.contains))
                #expect(flags.contains { $0 == "1" || $0 == "true" }, "no relationship checked")
                if owner.isOfficer == "1" || owner.isOfficer == "true" { #expect(!(owner.officerTitle ?? "").isEmpty) }
            }
            if form.baseNumber == 3 {
                #expect(doc.nonDerivativeTransactions.isEmpty && doc.derivativeTransactions.isEmpty)
            } else {
                #expect(doc.nonDerivativeTransactions.count <= 12 && doc.derivativeTransactions.count <= 3)
                #expect(!doc.nonDerivativeTransactions.isEmpty || !doc.derivativeTransactions.isEmpty)
            }
            #expect(doc.nonDerivativeHoldings.count <= 4 && doc.derivativeHoldings.count <= 3)
            // Exactly one of each either/or pair (TS3 cm4, cm6, cm7); nature iff indirect (cm5).
            for r in doc.nonDerivativeTransactions { #expect((r.sharesOwnedFollowing.value == nil) != (r.valueOwnedFollowing.value == nil)) }
            for r in doc.derivativeTransactions {
                #expect((r.shares.value == nil) != (r.totalValue.value == nil))
                #expect((r.underlyingSecurityShares.value == nil) != (r.underlyingSecurityValue.value == nil))
            }
            for (name, field, _) in Self.fields(doc) where name == "direct" {
                #expect(field.value == "D" || field.value == "I")
            }
            let natures = Self.fields(doc).filter { $0.name == "nature" }.map { $0.field.value != nil }
            let indirect = Self.fields(doc).filter { $0.name == "direct" }.map { $0.field.value == "I" }
            #expect(natures == indirect)
            for coding in Self.codings(doc) where coding.code == nil && coding.formType != nil {
                #expect(form.baseNumber == 5, "holding coding outside Form 5")
            }
            // Footnotes: F1…Fn, defined once, each referenced, no reference to an undefined id.
            #expect(doc.footnotes.map(\.id) == (0..<doc.footnotes.count).map { "F\($0 + 1)" })
            let references = Self.fields(doc).map(\.field.footnoteIDs) + Self.codings(doc).map(\.footnoteIDs)
            for ids in references { #expect(Set(ids).count == ids.count, "footnote referenced twice from one element") }
            #expect(Set(references.flatMap { $0 }) == Set(doc.footnotes.map(\.id)))
            for (_, field, limit) in Self.fields(doc) {
                if let limit { #expect((field.value?.count ?? 0) <= limit, "\(field.value ?? "") > \(limit)") }
            }
            #expect(doc.footnotes.allSatisfy { ($0.text?.count ?? 0) <= 1000 })
            #expect((doc.remarks?.count ?? 0) <= 2000)
            #expect((1...10).contains(doc.signatures.count))
            #expect(doc.signatures.allSatisfy { ($0.name?.count ?? 0) <= 255 && CivilDate($0.date ?? "") != nil })
        }
    }

    @Test func documentsCoverTheQuirksTheContractNames() {
        let docs = Self.documents(count: 2_000, seed: 5).map(\.1)
        let all = docs.flatMap(Self.fields)
        #expect(Set(docs.compactMap(\.schemaVersion)).isSuperset(of: ["X0202", "X0306", "X0508"]))
        #expect(Set(docs.compactMap(\.aff10b5One)) == Self.booleans)
        #expect(Set(docs.flatMap { $0.reportingOwners.compactMap(\.isOfficer) }) == Self.booleans)
        #expect(Set(docs.map(\.reportingOwners.count)) == [1, 2, 3])
        let codes = Set(docs.flatMap { Self.codings($0).compactMap(\.code) })
        #expect(codes.isSuperset(of: ["M", "A", "S", "F", "P", "G", "D", "C", "J", "X"]))
        // Fractional shares, 0 prices, 2 and 4 decimal prices, footnote-only values, value variants.
        #expect(all.contains { $0.name == "shares" && ($0.field.value?.contains(".") ?? false) })
        #expect(all.contains { $0.name == "price" && $0.field.value == "0" })
        #expect(all.contains { $0.name == "price" && $0.field.value?.split(separator: ".").last?.count == 4 })
        #expect(all.contains { $0.name == "price" && $0.field.value?.split(separator: ".").last?.count == 2 })
        for name in ["conversion", "exerciseDate", "expirationDate", "price"] {
            #expect(all.contains { $0.name == name && $0.field.value == nil && !$0.field.footnoteIDs.isEmpty }, "\(name) as footnote only")
        }
        #expect(all.contains { $0.name == "valueFollowing" && $0.field.value != nil })
        #expect(all.contains { $0.name == "timeliness" && $0.field.value == "" })
        #expect(docs.contains { $0.remarks?.contains("&") == true } && docs.contains { $0.remarks?.contains("<") == true }
                && docs.contains { $0.remarks?.contains("\"") == true })
        #expect(docs.contains { $0.reportingOwners.contains { $0.name?.contains("'") == true } })
        #expect(docs.contains { $0.reportingOwners.contains { ($0.officerTitle?.contains(",") ?? false) && ($0.officerTitle?.contains("&") ?? false) } })
        #expect(docs.contains { $0.reportingOwners.contains { $0.city?.contains(" ") == true } })
        #expect(docs.contains { $0.nonDerivativeTransactions.contains { !$0.coding.footnoteIDs.isEmpty } })
    }

    @Test func sameSeedSameDocuments() {
        let a = Self.documents(count: 200, seed: 99).map(\.1)
        let b = Self.documents(count: 200, seed: 99).map(\.1)
        let c = Self.documents(count: 200, seed: 100).map(\.1)
        #expect(a == b)
        #expect(a != c)
    }
}
