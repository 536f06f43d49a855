import EdgarCore

/// What a run did, per source and in total: the summary printed at the end and written by `--summary-json`.
public struct RunReport: Sendable {
    public enum Status: String, Sendable {
        /// The manifest is written; the source's rows are in place.
        case committed
        /// The input is damaged or unreadable: nothing of it was committed (bad input: do not retry as is).
        case failedInput = "failed_input"
        /// Writing the output failed (disk full, permissions): nothing committed; retrying may succeed.
        case failedOutput = "failed_output"
        /// The run was interrupted before the source committed.
        case interrupted
    }

    public struct Source: Sendable {
        public var path: String
        public var key: String
        public var status: Status
        public var bytes = 0
        public var filings = 0
        public var rows: [Table: Int] = [:]
        public var rejects: [RejectCode: Int] = [:]
        public var skipped: [String: Int] = [:]
        public var message: String?
        /// For `failedOutput`: retrying cannot help (read-only file system, name too long, key conflict).
        public var permanent = false
        /// Committed by an earlier run from the same bytes, with its files intact: hashed, not read again. Its
        /// counts are its manifest's.
        public var alreadyCommitted = false
    }

    public var sources: [Source] = []
    public var seconds: Double = 0
    public var interrupted = false
    /// The most member bytes that were between the reader and the writer at once (see `ByteBudget`).
    public var peakMemberBytesInFlight = 0
    /// Why `_SUCCESS` was not written although every input committed (another attempt still writing to OUT).
    public var successWithheld: String?
    /// Input bytes streamed through the readers (inflated from) in this run; skipped inputs add nothing.
    public var bytesStreamed = 0
    /// Inputs skipped because their manifest already records them unchanged.
    public var alreadyCommitted: Int { sources.filter(\.alreadyCommitted).count }

    /// The sources whose counts are in OUT: the committed ones, and each failed input (its counts are the one reject
    /// that explains it, which is published).
    public var published: [Source] { sources.filter { $0.status == .committed || $0.status == .failedInput } }
    /// The sources that were read, in part or whole, but left nothing in OUT (interrupted, or their output failed).
    public var unpublished: [Source] { sources.filter { $0.status == .interrupted || $0.status == .failedOutput } }

    /// Totals count what is in OUT, so that they agree with the manifests after an interrupt or a failed write;
    /// what was read but not committed is `unpublished`'s.
    public var filings: Int { published.reduce(0) { $0 + $1.filings } }
    public var rejects: Int { published.reduce(0) { $0 + $1.rejects.values.reduce(0, +) } }
    public var bytes: Int { published.reduce(0) { $0 + $1.bytes } }
    public var allCommitted: Bool { !interrupted && sources.allSatisfy { $0.status == .committed } }

    /// A per-source count summed over the published sources, or over `sources` when given.
    public func total<K: Hashable>(_ field: KeyPath<Source, [K: Int]>, of sources: [Source]? = nil) -> [K: Int] {
        var out: [K: Int] = [:]
        for source in sources ?? published { out.merge(source[keyPath: field], uniquingKeysWith: +) }
        return out
    }
}
