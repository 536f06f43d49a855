/// Everything `edgar-etl report` shows, computed from OUT alone. Every number here is a count read from the
/// manifests or the part files; the text, JSON and HTML forms only lay it out.
public struct QualityReport: Sendable, Equatable {
    /// Filings of one `filing_date` (or `unknown`), split by form type and by layout.
    public struct Day: Sendable, Equatable {
        public var date: String
        public var filings: Int
        public var forms: [String: Int]
        public var layouts: [String: Int]
        /// The median filings of the days before it in the trailing window, when there are enough of them.
        public var trailingMedian: Double?
        /// Far below the trailing median: the commonest silent failure is a partial download.
        public var isShort: Bool
    }

    public struct RejectSample: Sendable, Equatable {
        public var input: String
        public var member: String?
        public var message: String
        public var excerpt: String
    }

    public struct RejectCodeCount: Sendable, Equatable {
        public var code: String
        /// Rejects in committed sources (what the manifests count).
        public var committed: Int
        /// Rejects written by sources that never committed (a damaged input).
        public var uncommitted: Int
        public var samples: [RejectSample]
        public var total: Int { committed + uncommitted }
    }

    public struct IssueCount: Sendable, Equatable {
        public var table: String
        public var column: String
        public var code: String
        public var count: Int
        public var sampleRaw: String?
    }

    public struct SkippedForms: Sendable, Equatable {
        public var input: String
        public var forms: [String: Int]
    }

    public struct Uncommitted: Sendable, Equatable {
        /// `staging` (an attempt's folder under `_staging`) or `rejects` (reject files with no manifest).
        public var kind: String
        /// The staging folder or reject file, relative to OUT.
        public var path: String
        /// The input named by the reject rows, when there are any.
        public var input: String?
    }

    /// Summed over every manifest: the totals a warehouse load must match.
    public struct Totals: Sendable, Equatable {
        public var sources: Int
        public var inputBytes: Int
        public var filings: Int
        public var rows: [String: Int]
        public var rejects: [String: Int]
        public var skipped: [String: Int]
        public var files: Int
        public var fileBytes: Int
    }

    public var output: String
    public var totals: Totals
    public var days: [Day]
    public var rejects: [RejectCodeCount]
    public var issues: [IssueCount]
    public var skipped: [SkippedForms]
    public var uncommitted: [Uncommitted]
    /// Files a manifest lists that are missing or unreadable (the source is no longer whole).
    public var missingFiles: [String]

    public var shortDays: [Day] { days.filter(\.isShort) }
}
