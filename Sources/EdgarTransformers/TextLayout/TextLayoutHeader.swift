import EdgarCore

/// What the boxes outside the tables say: form, dates, checkboxes, issuer and reporting owners.
struct TextLayoutHeader {
    var formFromOMB: String?
    var formFromTitle: String?
    var formFromPeriodLabel: String?
    var periodOfReport: String?
    var originalFiled: String?
    var notSubjectToSection16: String?
    var aff10b5One: String?
    var form3HoldingsReported: String?
    var form4TransactionsReported: String?
    var noSecuritiesOwned: String?
    var issuer = Issuer()
    var sawIssuerBox = false
    var owners: [ReportingOwner] = []
    /// Owners whose box 1 carried the `(Last)`/`(Street)`/`(City)` captions of the text layout.
    var ownersWithCaptions = 0
}

extension TextLayoutParser {
    func readHeader(regions: [Range<Int>]) -> TextLayoutHeader {
        var header = TextLayoutHeader()
        // Relationship boxes belong to the owner whose box 1 came last; one seen before any box 1 waits for it.
        var ownerHasRelationship: [Bool] = []
        var pendingRelationship: ReportingOwner?
        for region in regions {
            for segment in segments(TextLabels.header, in: region) {
                let checked = isChecked(before: segment.hit.range.lowerBound, lower: region.lowerBound) ? "true" : "false"
                switch segment.hit.kind {
                case .ombNumber:
                    if header.formFromOMB == nil { header.formFromOMB = formForOMB(in: segment.value) }
                case .title3: if header.formFromTitle == nil { header.formFromTitle = "3" }
                case .title4: if header.formFromTitle == nil { header.formFromTitle = "4" }
                case .title5: if header.formFromTitle == nil { header.formFromTitle = "5" }
                case .notSubjectToSection16: header.notSubjectToSection16 = checked
                case .aff10b5One: header.aff10b5One = checked
                case .form3HoldingsReported: header.form3HoldingsReported = checked
                case .form4TransactionsReported: header.form4TransactionsReported = checked
                case .noSecuritiesOwned: header.noSecuritiesOwned = "true"
                case .reportingPerson:
                    var (owner, captioned) = reportingPerson(segment.value)
                    if captioned { header.ownersWithCaptions += 1 }
                    var hasRelationship = false
                    if let pending = pendingRelationship {
                        owner.copyRelationship(from: pending)
                        pendingRelationship = nil
                        hasRelationship = true
                    }
                    header.owners.append(owner)
                    ownerHasRelationship.append(hasRelationship)
                case .relationship:
                    let relationship = self.relationship(segment.value)
                    if let last = header.owners.indices.last, !ownerHasRelationship[last] {
                        header.owners[last].copyRelationship(from: relationship)
                        ownerHasRelationship[last] = true
                    } else if header.owners.isEmpty {
                        pendingRelationship = relationship
                    }
                case .issuer:
                    if !header.sawIssuerBox {
                        header.sawIssuerBox = true
                        header.issuer = issuer(segment.value)
                    }
                case .earliestTransaction, .eventRequiringStatement, .fiscalYearEnded:
                    if header.formFromPeriodLabel == nil {
                        header.formFromPeriodLabel =
                            segment.hit.kind == .eventRequiringStatement ? "3" : segment.hit.kind == .fiscalYearEnded ? "5" : "4"
                        header.periodOfReport = foldedString(segment.value)
                    }
                case .amendment:
                    if header.originalFiled == nil { header.originalFiled = foldedString(segment.value) }
                case .individualOrJointFiling, .boilerplate:
                    break
                }
            }
        }
        // An older rendering lists every owner after Table II, the first one again (without relationships).
        if header.owners.count >= 2, ownerHasRelationship.count >= 2, !ownerHasRelationship[1],
            header.owners[1].sameIdentity(as: header.owners[0])
        {
            header.owners.remove(at: 1)
        }
        return header
    }

    private static let ombNumbers: [(BytePattern, String)] = [
        (BytePattern(text: "3235-0104"), "3"), (BytePattern(text: "3235-0287"), "4"),
        (BytePattern(text: "3235-0362"), "5"),
    ]

    private func formForOMB(in range: Range<Int>) -> String? {
        for (number, form) in Self.ombNumbers where find(number, in: range) != nil { return form }
        return nil
    }

    /// Box 1: name `(Last) (First) (Middle)` street `(Street)` city state zip `(City) (State) (Zip)`.
    private func reportingPerson(_ value: Range<Int>) -> (ReportingOwner, captioned: Bool) {
        var owner = ReportingOwner()
        let nameCaptions = [TextLabels.last, TextLabels.first, TextLabels.middle].compactMap { find($0, in: value) }
        let streetCaption = find(TextLabels.street, in: value)
        let cityCaption = find(TextLabels.city, in: value)
        let captions = nameCaptions + [streetCaption, cityCaption].compactMap { $0 }
        guard let firstCaption = captions.map(\.lowerBound).min() else {
            owner.name = foldedString(value)
            return (owner, false)
        }
        owner.name = foldedString(value.lowerBound..<firstCaption)
        let afterName = nameCaptions.map(\.upperBound).max() ?? firstCaption
        var cityStart = afterName
        if let streetCaption, streetCaption.lowerBound >= afterName {
            owner.street1 = foldedString(afterName..<streetCaption.lowerBound)
            cityStart = streetCaption.upperBound
        }
        if let cityCaption, cityCaption.lowerBound >= cityStart {
            (owner.city, owner.state, owner.zipCode) = cityStateZip(cityStart..<cityCaption.lowerBound)
        }
        return (owner, true)
    }

    /// City, state and zip on one line: the state is the last two-character token before the zip.
    private func cityStateZip(_ range: Range<Int>) -> (String?, String?, String?) {
        let r = trim(range)
        let parts = cells(r)
        if parts.count == 3 {
            return (trimmedString(parts[0]), trimmedString(parts[1]), trimmedString(parts[2]))
        }
        if isASCII(r) { return cityStateZipOfASCII(r) }
        guard let folded = foldedString(r) else { return (nil, nil, nil) }
        let tokens = folded.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        func joined(_ slice: ArraySlice<String>) -> String? { slice.isEmpty ? nil : slice.joined(separator: " ") }
        if let k = tokens.lastIndex(where: { $0.count == 2 }) {
            return (joined(tokens[..<k]), tokens[k], joined(tokens[(k + 1)...]))
        }
        if let lastToken = tokens.last, lastToken.contains(where: \.isNumber) {
            return (joined(tokens.dropLast()), nil, lastToken)
        }
        return (folded, nil, nil)
    }

    /// `cityStateZip` of a trimmed ASCII range on its bytes (there characters are bytes): the same tokens, the
    /// same picks, without splitting Strings.
    private func cityStateZipOfASCII(_ r: Range<Int>) -> (String?, String?, String?) {
        var tokens: [Range<Int>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, bytes[i].isSpaceTabCROrLF { i += 1 }
            let start = i
            while i < r.upperBound, !bytes[i].isSpaceTabCROrLF { i += 1 }
            if start < i { tokens.append(start..<i) }
        }
        guard !tokens.isEmpty else { return (nil, nil, nil) }
        func joined(_ slice: ArraySlice<Range<Int>>) -> String? {
            guard let first = slice.first, let last = slice.last else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(last.upperBound - first.lowerBound)
            for token in slice {
                if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                out.append(contentsOf: bytes[token])
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let k = tokens.lastIndex(where: { $0.count == 2 }) {
            return (joined(tokens[..<k]), string(tokens[k]), joined(tokens[(k + 1)...]))
        }
        if let lastToken = tokens.last, bytes[lastToken].contains(where: \.isASCIIDigit) {
            return (joined(tokens.dropLast()), nil, string(lastToken))
        }
        return (foldedString(r), nil, nil)
    }

    /// The relationship box: each shown role is `true` when an `X` stands before it, else `false`; the text after
    /// the roles is `title / text`. The roles are read as a run from the start of the box in the form's printed
    /// order (Director, 10% Owner, Officer, Other), never searched for in the text after them: neither `Former
    /// Director` nor `Other (specify below) Director by deputization` shows the Director box.
    private func relationship(_ value: Range<Int>) -> ReportingOwner {
        var owner = ReportingOwner()
        let roles: [(WritableKeyPath<ReportingOwner, String?>, [UInt8])] = [
            (\.isDirector, TextLabels.director), (\.isTenPercentOwner, TextLabels.tenPercentOwner),
            (\.isOfficer, TextLabels.officer), (\.isOther, TextLabels.other),
        ]
        var position = value.lowerBound
        var sawRole = false
        var next = 0
        scan: while next < roles.count {
            let start = afterCheckMark(from: position, limit: value.upperBound)
            for index in next..<roles.count {
                let (path, caption) = roles[index]
                if let end = match(caption, at: start, limit: value.upperBound), isWordEnd(end, limit: value.upperBound) {
                    owner[keyPath: path] = isChecked(before: start, lower: value.lowerBound) ? "true" : "false"
                    position = end
                    sawRole = true
                    next = index + 1
                    continue scan
                }
            }
            break
        }
        let text = sawRole ? foldedString(position..<value.upperBound) : foldedString(value)
        (owner.officerTitle, owner.otherText) = Self.splitTitle(text, isOfficer: owner.isOfficer, isOther: owner.isOther)
        return owner
    }

    private static let checkMarks: [[UInt8]] = ["x", "[x]", "(x)", "[ ]", "[]"].map { Array($0.utf8) }

    /// Past whitespace and one checkbox mark (`X`, `[X]`, `(X)`, `[ ]`) that is followed by whitespace.
    private func afterCheckMark(from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit, bytes[i].isSpaceTabCROrLF { i += 1 }
        for mark in Self.checkMarks {
            if let end = match(mark, at: i, limit: limit), end < limit, bytes[end].isSpaceTabCROrLF {
                var j = end
                while j < limit, bytes[j].isSpaceTabCROrLF { j += 1 }
                return j
            }
        }
        return i
    }

    private func isWordEnd(_ i: Int, limit: Int) -> Bool {
        guard i < limit else { return true }
        return !bytes[i].isASCIIWordByte
    }

    /// `title / text`. A leading `/ ` means no title, a trailing ` /` no text; when exactly one of Officer and
    /// Other is checked the whole text is that one's (titles such as `EVP / CFO` stay whole).
    static func splitTitle(_ text: String?, isOfficer: String?, isOther: String?) -> (String?, String?) {
        guard let text else { return (nil, nil) }
        func clean(_ s: Substring) -> String? {
            let t = s.trimmingSpaces()
            return t.isEmpty ? nil : t
        }
        if text == "/" { return (nil, nil) }
        if text.hasPrefix("/ ") { return (nil, clean(text.dropFirst(2))) }
        if text.hasSuffix(" /") { return (clean(text.dropLast(2)), nil) }
        let officer = isOfficer == "true"
        let other = isOther == "true"
        if officer && !other { return (text, nil) }
        if other && !officer { return (nil, text) }
        if let separator = text.firstRange(of: " / ") {
            return (clean(text[..<separator.lowerBound]), clean(text[separator.upperBound...]))
        }
        return (text, nil)
    }

    /// `8X8 INC /DE/ [eght]`: the name, and the symbol inside the last brackets.
    private func issuer(_ value: Range<Int>) -> Issuer {
        guard let text = foldedString(value) else { return Issuer() }
        guard let close = text.lastIndex(of: "]"), let open = text[..<close].lastIndex(of: "[") else {
            return Issuer(name: text)
        }
        let name = text[..<open].trimmingSpaces()
        let symbol = text[text.index(after: open)..<close].trimmingSpaces()
        return Issuer(name: name.isEmpty ? nil : name, tradingSymbol: symbol.isEmpty ? nil : symbol)
    }
}

extension ReportingOwner {
    fileprivate mutating func copyRelationship(from other: ReportingOwner) {
        isDirector = other.isDirector
        isOfficer = other.isOfficer
        isTenPercentOwner = other.isTenPercentOwner
        isOther = other.isOther
        officerTitle = other.officerTitle
        otherText = other.otherText
    }

    fileprivate func sameIdentity(as other: ReportingOwner) -> Bool {
        name == other.name && street1 == other.street1 && city == other.city && state == other.state
            && zipCode == other.zipCode
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        // Without grapheme breaking where the bytes decide: an ASCII whitespace byte with an ASCII byte (or
        // nothing) on its inner side is a whitespace Character of its own, or half of a CR LF one; an ASCII byte
        // that is not whitespace at either end stops the trimming (`Character.isWhitespace` reads the first
        // scalar, and no cluster ends in such a byte after a whitespace scalar).
        let utf8 = s.utf8
        var (lo, hi) = (utf8.startIndex, utf8.endIndex)
        while lo < hi, utf8[lo].isASCIIWhitespace {
            let next = utf8.index(after: lo)
            guard next == hi || utf8[next] < 0x80 else { break }
            lo = next
        }
        while lo < hi {
            let last = utf8.index(before: hi)
            guard utf8[last].isASCIIWhitespace, last == lo || utf8[utf8.index(before: last)] < 0x80 else { break }
            hi = last
        }
        s = s[lo..<hi]
        if let first = s.utf8.first, let last = s.utf8.last, first < 0x80, last < 0x80, !first.isASCIIWhitespace,
            !last.isASCIIWhitespace
        {
            return String(s)
        }
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
