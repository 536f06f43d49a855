import EdgarCore

/// What a daily-feed member is, for the mix and the truth.
public enum FeedKind: Sendable, Hashable, CaseIterable {
    case form3, form3A, form4, form4A, form5, form5A
    /// A Form 4 whose `<TYPE>4` document is the plain-text layout (no `<XML>`).
    case textLayout
    /// A submission of another form type (8-K, 13F-HR, D, …) the ETL must skip.
    case other
    /// A large submission of another form type (10-K, 10-Q, N-PORT, prospectus: HTML, XBRL, uuencoded
    /// binaries), 100 KB to 50 MB: where a real feed's bytes are. Skipped like `.other`.
    case large

    public var ownershipForm: FormKind? {
        switch self {
        case .form3: .form3
        case .form3A: .form3A
        case .form4: .form4
        case .form4A: .form4A
        case .form5: .form5
        case .form5A: .form5A
        case .textLayout: .form4
        case .other, .large: nil
        }
    }
}

/// The proportions of a generated feed, and how often the envelope quirks appear.
public struct FeedMix: Sendable, Equatable {
    /// Relative weights per kind; each kind gets exactly its share of `count` (largest remainder).
    public var weights: [(kind: FeedKind, weight: Int)]
    /// Percent of ownership submissions with an EX-24 (power of attorney) attachment.
    public var ex24Percent: Double
    /// Percent of ownership submissions that also carry a uuencoded GRAPHIC.
    public var graphicPercent: Double
    /// Percent of members written with CRLF, and with bare CR (the 2025 feed style).
    public var crlfPercent: Double
    public var crPercent: Double

    public init(weights: [(kind: FeedKind, weight: Int)], ex24Percent: Double = 8, graphicPercent: Double = 1,
                crlfPercent: Double = 2, crPercent: Double = 3) {
        self.weights = weights
        self.ex24Percent = ex24Percent
        self.graphicPercent = graphicPercent
        self.crlfPercent = crlfPercent
        self.crPercent = crPercent
    }

    /// ~85% Form 4, ~5% Forms 3 and 5 with a few amendments, ~5% text layout, ~5% other forms.
    public static let standard = FeedMix(weights: [
        (.form4, 8_500), (.form3, 250), (.form3A, 30), (.form4A, 120), (.form5, 80), (.form5A, 20),
        (.textLayout, 500), (.other, 500),
    ])

    /// Only XML Form 4s, no quirks: the benchmark's plain diet.
    public static let form4Only = FeedMix(weights: [(.form4, 1)], ex24Percent: 0, graphicPercent: 0, crlfPercent: 0, crPercent: 0)

    /// Ownership forms in XML only (Forms 3, 4, 5 and amendments in standard proportions, no text layout, no
    /// other forms), with the standard quirks.
    public static let xmlOnly = FeedMix(weights: standard.weights.filter { $0.kind != .textLayout && $0.kind != .other })

    /// Only text-layout Form 4s, with the standard quirks (the text parser's benchmark diet).
    public static let textOnly = FeedMix(weights: [(.textLayout, 1)])

    /// A real day's proportions (of the SEC's daily feed): ~31% of submissions are Forms 3/4/5 but ~0.5% of the bytes;
    /// ~40% are small other forms; the rest are large filings averaging ~1.8 MB that hold nearly all the bytes.
    /// 2,545 submissions give ~1.3 GB raw, ~270 MB gzip.
    public static let realistic = FeedMix(weights: [
        (.form4, 640), (.form3, 40), (.form3A, 5), (.form4A, 40), (.form5, 20), (.form5A, 5), (.textLayout, 50),
        (.other, 1_000), (.large, 745),
    ])

    /// How many members of each kind `count` gives: exact, deterministic, summing to `count`.
    public func quotas(count: Int) -> [FeedKind: Int] {
        let total = weights.reduce(0) { $0 + $1.weight }
        precondition(total > 0, "a feed mix needs a positive weight")
        var result: [FeedKind: Int] = [:]
        var remainders: [(index: Int, remainder: Int)] = []
        var assigned = 0
        for (i, w) in weights.enumerated() {
            let exact = count * w.weight
            result[w.kind, default: 0] += exact / total
            assigned += exact / total
            remainders.append((i, exact % total))
        }
        // Ties go to the kind listed first, so the split never depends on anything but the mix.
        for r in remainders.sorted(by: { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index })
            .prefix(count - assigned) {
            result[weights[r.index].kind, default: 0] += 1
        }
        return result
    }

    public static func == (a: FeedMix, b: FeedMix) -> Bool {
        a.weights.map(\.kind) == b.weights.map(\.kind) && a.weights.map(\.weight) == b.weights.map(\.weight)
            && a.ex24Percent == b.ex24Percent && a.graphicPercent == b.graphicPercent
            && a.crlfPercent == b.crlfPercent && a.crPercent == b.crPercent
    }
}

/// What a generated feed contains, member by member: the expected answer for the ETL.
public struct FeedTruth: Sendable {
    public struct Member: Sendable {
        /// The tar member name, `<accession>.nc`.
        public var name: String
        public var accession: String
        /// The submission `<TYPE>` (`4`, `3/A`, `8-K`, …).
        public var formType: String
        public var kind: FeedKind
        public var isOwnership: Bool
        /// `.text` only when the text renderer was supplied; otherwise text-layout members were written as XML.
        public var layout: Layout?
        /// The model as filed (layout set to how it was rendered); nil for other forms. For the text layout
        /// the fields that layout does not show (docs/TABLES.md, "Layouts") are still filled here.
        public var document: OwnershipDocument?
        public var filingDate: String
        public var period: String?
        /// `<TYPE>`s of the documents after the first (EX-24, GRAPHIC, INFORMATION TABLE, …).
        public var attachmentTypes: [String]
        public var lineEnding: LineEnding
    }

    public var filingDate: String
    public var members: [Member] = []

    public init(filingDate: String) {
        self.filingDate = filingDate
    }

    /// Submissions per `<TYPE>`.
    public var countsByFormType: [String: Int] {
        members.reduce(into: [:]) { $0[$1.formType, default: 0] += 1 }
    }

    public var countsByKind: [FeedKind: Int] {
        members.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    public var ownershipCount: Int { members.count { $0.isOwnership } }
    public var textLayoutCount: Int { members.count { $0.layout == .text } }
    /// Non-ownership submissions per form type: what the manifest's `skipped` should say.
    public var skippedByFormType: [String: Int] {
        members.filter { !$0.isOwnership }.reduce(into: [:]) { $0[$1.formType, default: 0] += 1 }
    }
}
