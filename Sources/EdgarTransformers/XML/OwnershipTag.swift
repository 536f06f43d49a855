/// The element names of `ownershipDocument` that the builder knows (the SEC's ownership XML schemas, X0101 to
/// X0609); every other name is `.other`, an unknown element. Raw values are the element names.
enum OwnershipTag: String, CaseIterable {
    case other = ""
    case ownershipDocument

    // Bare leaves directly under the root.
    case schemaVersion, documentType, periodOfReport, dateOfOriginalSubmission
    case noSecuritiesOwned, notSubjectToSection16, form3HoldingsReported, form4TransactionsReported, aff10b5One
    case remarks

    case issuer, issuerCik, issuerName, issuerTradingSymbol
    /// X0609 (2026).
    case issuerForeignTradingSymbol

    case reportingOwner
    case rptOwnerCik, rptOwnerName
    case rptOwnerStreet1, rptOwnerStreet2, rptOwnerCity, rptOwnerState, rptOwnerZipCode, rptOwnerStateDescription
    /// X0609 (2026).
    case rptOwnerNonUSAddressFlag, rptOwnerNonUSStateTerritory, rptOwnerCountry
    case isDirector, isOfficer, isTenPercentOwner, isOther, officerTitle, otherText

    case ownerSignature, signatureName, signatureDate

    case footnote, footnoteId, value

    // Table rows. `nonDerivativeSecurity` and `derivativeSecurity` are the 2003 (X0101) names for a Table I and a
    // Table II row of either kind, filed directly under the root.
    case nonDerivativeTransaction, nonDerivativeHolding, derivativeTransaction, derivativeHolding
    case nonDerivativeSecurity, derivativeSecurity

    case transactionCoding, transactionFormType, transactionCode, equitySwapInvolved

    // Value containers: `<x><value>…</value><footnoteId id="…"/>…</x>`.
    case securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, transactionTimeliness
    case transactionShares, transactionTotalValue, transactionPricePerShare, transactionAcquiredDisposedCode
    /// X0101's name for the price per share (2003 filings: `<transactionValue><value>3.8</value>` on a sale of
    /// 3,100 shares).
    case transactionValue
    case exerciseDate, expirationDate
    case underlyingSecurityTitle, underlyingSecurityShares, underlyingSecurityValue
    case sharesOwnedFollowingTransaction, valueOwnedFollowingTransaction
    case directOrIndirectOwnership, natureOfOwnership

    // Groups that only hold the elements above: known, so not `unknown_element`, but nothing to read in them.
    case reportingOwnerId, reportingOwnerAddress, reportingOwnerRelationship
    case nonDerivativeTable, derivativeTable, footnotes
    case transactionAmounts, postTransactionAmounts, ownershipNature, underlyingSecurity

    // Documented ignores: in the published schemas, deliberately not read. `rptOwnerCcc` is the owner's EDGAR access
    // code (a credential, removed before dissemination: it must never reach a row, not even an issue's raw);
    // `rptOwnerGoodAddress` is an address flag the technical specification (v3, §3.5) marks not applicable to
    // filers. No output column holds either (docs/TABLES.md).
    case rptOwnerCcc, rptOwnerGoodAddress
}

/// Looks element names up without allocating: names are bucketed by length and compared byte by byte.
///
/// Each parser owns its table in raw storage, so parallel workers never retain a shared Swift array on the hot
/// path (docs/PERFORMANCE.md, "XML": that alone cost 25% per document at two threads). The owner calls `deallocate()`.
struct OwnershipTagTable {
    private struct Entry {
        var offset: Int
        var length: Int
        var tag: OwnershipTag
    }

    private let names: UnsafeMutablePointer<UInt8>
    private let entries: UnsafeMutablePointer<Entry>
    /// `entries[bucketStart[n]..<bucketStart[n + 1]]` are the names of length n.
    private let bucketStart: UnsafeMutablePointer<Int>
    private let maxLength: Int

    /// A direct-mapped cache from name pointer to tag. libxml2 interns every element name in its context's
    /// dictionary, which lives as long as the context (across documents), so the same name arrives at
    /// the same address document after document and most lookups are one pointer comparison.
    /// `forgetInternedNames()` must run whenever the context (and so its dictionary) is replaced.
    private let cachedNames: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let cachedTags: UnsafeMutablePointer<OwnershipTag>
    private static let cacheBits = 9

    init() {
        let tags = OwnershipTag.allCases.filter { $0 != .other }.sorted { $0.rawValue.utf8.count < $1.rawValue.utf8.count }
        let totalBytes = tags.reduce(0) { $0 + $1.rawValue.utf8.count }
        maxLength = tags.last?.rawValue.utf8.count ?? 0
        names = .allocate(capacity: totalBytes)
        entries = .allocate(capacity: tags.count)
        bucketStart = .allocate(capacity: maxLength + 2)
        bucketStart.initialize(repeating: 0, count: maxLength + 2)
        cachedNames = .allocate(capacity: 1 << Self.cacheBits)
        cachedNames.initialize(repeating: nil, count: 1 << Self.cacheBits)
        cachedTags = .allocate(capacity: 1 << Self.cacheBits)
        cachedTags.initialize(repeating: .other, count: 1 << Self.cacheBits)

        var offset = 0
        for (i, tag) in tags.enumerated() {
            let bytes = Array(tag.rawValue.utf8)
            (names + offset).initialize(from: bytes, count: bytes.count)
            entries[i] = Entry(offset: offset, length: bytes.count, tag: tag)
            offset += bytes.count
            bucketStart[bytes.count + 1] = i + 1
        }
        // Lengths no name has inherit the previous bucket's end, making their bucket empty.
        for n in 1...(maxLength + 1) where bucketStart[n] < bucketStart[n - 1] {
            bucketStart[n] = bucketStart[n - 1]
        }
    }

    /// The tag of an element name interned in the current parser context's dictionary.
    func tag(ofInterned name: UnsafePointer<UInt8>) -> OwnershipTag {
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: name) &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - Self.cacheBits))
        if cachedNames[slot] == name { return cachedTags[slot] }
        let tag = lookup(name)
        cachedNames[slot] = name
        cachedTags[slot] = tag
        return tag
    }

    /// Empties the pointer cache: its addresses belonged to a dictionary that is gone.
    func forgetInternedNames() {
        cachedNames.update(repeating: nil, count: 1 << Self.cacheBits)
    }

    /// The tag of a NUL-terminated element name.
    func lookup(_ name: UnsafePointer<UInt8>) -> OwnershipTag {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > maxLength { return .other }
        }
        var i = bucketStart[length]
        let end = bucketStart[length + 1]
        while i < end {
            let entry = entries[i]
            if equalBytes(names + entry.offset, name, length) { return entry.tag }
            i += 1
        }
        return .other
    }

    private func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where a[k] != b[k] { return false }
        return true
    }

    func deallocate() {
        names.deallocate()
        entries.deallocate()
        bucketStart.deallocate()
        cachedNames.deallocate()
        cachedTags.deallocate()
    }
}
