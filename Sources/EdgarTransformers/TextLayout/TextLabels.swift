import EdgarCore

/// The labels of the form's boxes. Values sit between one label and the next, wherever the rendering put them, so
/// the reader keys on labels and not on line positions.
enum LabelKind: Sendable, Equatable {
    case ombNumber
    case title3, title4, title5
    case notSubjectToSection16, aff10b5One, form3HoldingsReported, form4TransactionsReported
    case reportingPerson, issuer, earliestTransaction, eventRequiringStatement, fiscalYearEnded, amendment
    case relationship, individualOrJointFiling, noSecuritiesOwned
    /// Text printed on every form that bounds a value but carries none.
    case boilerplate

    /// Box labels are numbered (`3. Date of …`, `2A. …`); the number belongs to the label, not the value before.
    var isNumberedBox: Bool {
        switch self {
        case .reportingPerson, .issuer, .earliestTransaction, .eventRequiringStatement, .fiscalYearEnded,
            .amendment, .relationship, .individualOrJointFiling:
            return true
        default:
            return false
        }
    }
}

struct LabelPattern: Sendable {
    let kind: LabelKind
    /// Lower-case ASCII; a space matches any run of whitespace, `'` matches `'` or a right single quote.
    let bytes: [UInt8]

    init(_ kind: LabelKind, _ text: String) {
        self.kind = kind
        self.bytes = Array(text.lowercased().utf8)
    }
}

/// Label patterns with an index by first byte, built once: the label scan tries at each word start only the
/// patterns that can begin there.
struct LabelSet: Sendable {
    let patterns: [LabelPattern]
    /// Pattern indices ordered by first byte (and by index within one byte)...
    let byHead: [Int]
    /// ...those that may start at a byte `b` (either case) are `byHead[headStart[b]..<headEnd[b]]`.
    let headStart: [Int]
    let headEnd: [Int]
    /// Patterns starting with `'`, which may begin with any of three byte sequences: tried everywhere.
    let anywhere: [Int]
    /// Per pattern, its second byte when that byte matches only itself (either case): a cheap test before `match`.
    let second: [UInt8?]
    /// Per byte value, `LabelSet.isWord` and `LabelSet.mayStart` flags: one table read per byte of text.
    let byteFlags: [UInt8]
    static let isWord: UInt8 = 1
    static let mayStart: UInt8 = 2

    init(_ patterns: [LabelPattern]) {
        self.patterns = patterns
        self.second = patterns.map { pattern in
            guard pattern.bytes.count > 1 else { return nil }
            let isLiteral = { (byte: UInt8) in byte != UInt8(ascii: " ") && byte != UInt8(ascii: "'") }
            return isLiteral(pattern.bytes[0]) && isLiteral(pattern.bytes[1]) ? pattern.bytes[1] : nil
        }
        var buckets = [[Int]](repeating: [], count: 256)
        var anywhere: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            guard let head = pattern.bytes.first else { continue }
            if head == UInt8(ascii: "'") { anywhere.append(index) } else { buckets[Int(head)].append(index) }
        }
        var byHead: [Int] = []
        var start = [Int](repeating: 0, count: 256)
        var end = [Int](repeating: 0, count: 256)
        for head in 0..<256 {
            start[head] = byHead.count
            byHead += buckets[head]
            end[head] = byHead.count
        }
        // The text is matched without case: an upper-case letter starts what its lower-case letter starts.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            start[Int(upper)] = start[Int(upper | 0x20)]
            end[Int(upper)] = end[Int(upper | 0x20)]
        }
        self.byHead = byHead
        self.headStart = start
        self.headEnd = end
        self.anywhere = anywhere
        self.byteFlags = (0...255).map { (value: Int) -> UInt8 in
            let starts = start[value] < end[value] || !anywhere.isEmpty
            return (UInt8(value).isASCIIWordByte ? Self.isWord : 0) | (starts ? Self.mayStart : 0)
        }
    }
}

enum TextLabels {
    static let header = LabelSet([
        .init(.ombNumber, "OMB Number:"),
        .init(.boilerplate, "OMB APPROVAL"),
        .init(.boilerplate, "Estimated average burden"),
        .init(.boilerplate, "hours per response:"),
        .init(.boilerplate, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION"),
        .init(.boilerplate, "Washington, D.C. 20549"),
        .init(.title3, "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES"),
        .init(.title5, "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"),
        .init(.title4, "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"),
        .init(.boilerplate, "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934"),
        .init(.boilerplate, "or Section 30(h) of the Investment Company Act of 1940"),
        .init(.notSubjectToSection16, "Check this box if no longer subject to Section 16."),
        .init(.boilerplate, "Form 4 or Form 5 obligations may continue. See Instruction 1(b)."),
        .init(.aff10b5One, "Check this box to indicate that a transaction was made pursuant to a contract"),
        .init(.form3HoldingsReported, "Form 3 Holdings Reported"),
        .init(.form4TransactionsReported, "Form 4 Transactions Reported"),
        .init(.reportingPerson, "Name and Address of Reporting Person"),
        .init(.issuer, "Issuer Name and Ticker or Trading Symbol"),
        .init(.earliestTransaction, "Date of Earliest Transaction"),
        .init(.eventRequiringStatement, "Date of Event Requiring Statement"),
        .init(.fiscalYearEnded, "Statement for Issuer's Fiscal Year Ended"),
        .init(.amendment, "If Amendment, Date of Original Filed"),
        .init(.relationship, "Relationship of Reporting Person(s) to Issuer"),
        .init(.individualOrJointFiling, "Individual or Joint/Group Filing"),
        .init(.noSecuritiesOwned, "No securities are beneficially owned"),
        .init(.boilerplate, "Form filed by One Reporting Person"),
        .init(.boilerplate, "Form filed by More than One Reporting Person"),
    ])

    /// Words that may follow a box label and are part of it, not of the value.
    static let labelSuffixes: [[UInt8]] = [
        "(Month/Day/Year)", "(Check all applicable)", "(Check Applicable Line)", "*",
    ].map { Array($0.lowercased().utf8) }

    static let last = BytePattern(text: "(last)")
    static let first = BytePattern(text: "(first)")
    static let middle = BytePattern(text: "(middle)")
    static let street = BytePattern(text: "(street)")
    static let city = BytePattern(text: "(city)")
    static let state = BytePattern(text: "(state)")
    static let zip = BytePattern(text: "(zip)")

    static let director = Array("director".utf8)
    static let tenPercentOwner = Array("10% owner".utf8)
    static let officer = Array("officer (give title below)".utf8)
    static let other = Array("other (specify below)".utf8)
}

/// One label found in the text: `range` covers the label (with its box number), `valueStart` is where its value
/// begins (after any suffix such as `(Month/Day/Year)`).
struct LabelHit {
    let kind: LabelKind
    let range: Range<Int>
    let valueStart: Int
}

/// A label's value: the text from the label to the next label.
struct LabelSegment {
    let hit: LabelHit
    let value: Range<Int>
}

extension TextLayoutParser {
    /// Every label of `labels` in `range`, in text order, overlapping matches resolved to the earlier (longer) one.
    func labels(_ labels: LabelSet, in range: Range<Int>) -> [LabelHit] {
        // One pass over the text: at each word start only the patterns whose first byte fits are tried. Each
        // pattern's matches stay non-overlapping among themselves, as if it were searched for on its own: a
        // pattern may match again only after its previous match ended.
        let patterns = labels.patterns
        var nextAllowed = [Int](repeating: range.lowerBound, count: patterns.count)
        var found: [(kind: LabelKind, range: Range<Int>)] = []
        func tryPattern(_ index: Int, at i: Int) {
            guard nextAllowed[index] <= i else { return }
            if let second = labels.second[index], i + 1 < range.upperBound, bytes[i + 1].asciiLowercased != second {
                return
            }
            guard let end = match(patterns[index].bytes, at: i, limit: range.upperBound) else { return }
            found.append((patterns[index].kind, i..<end))
            nextAllowed[index] = end
        }
        found.reserveCapacity(32)
        for i in candidateStarts(labels, in: range) {
            let head = Int(bytes[i])
            var slot = labels.headStart[head]
            while slot < labels.headEnd[head] {
                tryPattern(labels.byHead[slot], at: i)
                slot += 1
            }
            for index in labels.anywhere { tryPattern(index, at: i) }
        }
        found.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        var hits: [LabelHit] = []
        hits.reserveCapacity(found.count)
        var lastEnd = range.lowerBound
        for candidate in found where candidate.range.lowerBound >= lastEnd {
            var start = candidate.range.lowerBound
            if candidate.kind.isNumberedBox { start = boxNumberStart(before: start, lower: lastEnd) }
            let valueStart = skipSuffixes(from: candidate.range.upperBound, limit: range.upperBound)
            hits.append(LabelHit(kind: candidate.kind, range: start..<candidate.range.upperBound, valueStart: valueStart))
            lastEnd = candidate.range.upperBound
        }
        return hits
    }

    /// The word starts in `range` at which some label may begin, in order: a tight pass over the bytes, one table
    /// read each, kept apart from the matching so that it stays tight.
    private func candidateStarts(_ labels: LabelSet, in range: Range<Int>) -> [Int] {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        return bytes.withUnsafeBufferPointer { text in
            labels.byteFlags.withUnsafeBufferPointer { flags in
                var starts: [Int] = []
                starts.reserveCapacity(range.count / 8)
                var previousIsWord = false  // the start of the range is a word start
                for i in range {
                    let byteFlags = flags[Int(text[i])]
                    let isWord = byteFlags & LabelSet.isWord != 0
                    if byteFlags & LabelSet.mayStart != 0, !(previousIsWord && isWord) { starts.append(i) }
                    previousIsWord = isWord
                }
                return starts
            }
        }
    }

    /// Label segments: each label with the text up to the next label (or the end of `range`).
    func segments(_ labels: LabelSet, in range: Range<Int>) -> [LabelSegment] {
        let hits = self.labels(labels, in: range)
        var segments: [LabelSegment] = []
        for (index, hit) in hits.enumerated() {
            let end = index + 1 < hits.count ? hits[index + 1].range.lowerBound : range.upperBound
            segments.append(LabelSegment(hit: hit, value: min(hit.valueStart, end)..<end))
        }
        return segments
    }

    /// `12.` / `2A.` right before a box label, with the whitespace between.
    private func boxNumberStart(before start: Int, lower: Int) -> Int {
        var i = start
        while i > lower, bytes[i - 1].isSpaceTabCROrLF { i -= 1 }
        guard i > lower, bytes[i - 1] == UInt8(ascii: ".") else { return start }
        var j = i - 1
        if j > lower, bytes[j - 1].isASCIILetter { j -= 1 }
        let digitsEnd = j
        while j > lower, bytes[j - 1].isASCIIDigit, digitsEnd - j < 2 { j -= 1 }
        guard j < digitsEnd, j == lower || bytes[j - 1].isSpaceTabCROrLF else { return start }
        return j
    }

    private func skipSuffixes(from start: Int, limit: Int) -> Int {
        var i = start
        var progressed = true
        while progressed {
            progressed = false
            var j = i
            while j < limit, bytes[j].isSpaceTabCROrLF { j += 1 }
            for suffix in TextLabels.labelSuffixes {
                if let end = match(suffix, at: j, limit: limit) {
                    i = end
                    progressed = true
                    break
                }
            }
        }
        return i
    }

    /// True when an `X` (any case) stands alone right before `position`, ignoring whitespace; `[X]` and `(X)`
    /// count too.
    func isChecked(before position: Int, lower: Int) -> Bool {
        var i = position
        while i > lower, bytes[i - 1].isSpaceTabCROrLF { i -= 1 }
        var bracketed = false
        if i > lower, bytes[i - 1] == UInt8(ascii: "]") || bytes[i - 1] == UInt8(ascii: ")") {
            i -= 1
            bracketed = true
        }
        guard i > lower, bytes[i - 1].asciiLowercased == UInt8(ascii: "x") else { return false }
        let before = i - 2
        if before < lower { return !bracketed }
        let b = bytes[before]
        return bracketed ? (b == UInt8(ascii: "[") || b == UInt8(ascii: "(")) : b.isSpaceTabCROrLF
    }
}
