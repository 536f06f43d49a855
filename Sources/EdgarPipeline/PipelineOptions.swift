import EdgarCore
import EdgarReaders
import EdgarTransformers
import EdgarWriters
import Foundation

/// Everything a run can be told. The CLI and pipeline files fill it; defaults are the safe, common choice.
public struct PipelineOptions: Sendable {
    public var output: String
    /// Transformer workers; default: the number of cores.
    public var jobs: Int
    /// Inputs read and inflated at once, sharing the `jobs` workers; default: the number of cores. Inflating
    /// is most of a run's CPU, so one reader kept a reprocess of many archives on one core.
    public var readers: Int = min(64, PipelineOptions.defaultJobs)
    public var compression: Compression = .gzip
    /// libdeflate level for `.ndjson.gz` parts. 1 compresses NDJSON ~2.3x faster than 6 for parts ~25% larger
    /// (and still ~4% smaller than zlib's level 1); output compression was once the largest single cost of a run.
    public var compressionLevel: Int32 = 1
    public var granularity: PartitionGranularity = .month
    public var readerLimits = ReaderLimits()
    public var xmlLimits = XMLLimits()
    /// (1.1) `--recover-xml`: not-well-formed XML is read in libxml2's recover mode (issue `recovered_xml`).
    public var recoverXML = false
    public var onTruncated: TruncatedPolicy = .skip
    /// Reject thresholds the caller checks when the run ends (`edgar-etl run`: exit status 5, no `_SUCCESS`); the
    /// pipeline itself writes every reject whatever they say.
    public var maxRejects: Int?
    public var maxRejectRatio: Double?
    public var forms = FormFilter.all
    /// Filings per hand-off between stages; batching amortises the queue hops (docs/PERFORMANCE.md, "Hand-offs").
    public var batchSize = 16
    /// False when another step (`edgar-etl commit`) owns the job-level commit, as with `--inputs-from`.
    public var writeSuccessMarker = true
    /// Process inputs already committed unchanged (`--force`); otherwise they are hashed and skipped.
    public var force = false
    /// Member bytes read but not yet written, across all workers: the reader waits past this. 64 MiB (one
    /// member at the member limit's default) is far above what small real members (a few KB each) ever reach,
    /// so only runs of large members are paced by it; their parsing costs several times their size again.
    public var memberBytesInFlight = PipelineOptions.defaultMemberBytesInFlight
    public static let defaultMemberBytesInFlight = 64 << 20

    public init(output: String, jobs: Int = PipelineOptions.defaultJobs) {
        self.output = output
        self.jobs = max(1, jobs)
    }

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// What to do with members read whole before a truncation or an inflate failure.
public enum TruncatedPolicy: String, Sendable, CaseIterable {
    /// The source is not committed; one reject explains it.
    case skip
    /// Members read whole before the damage are committed, with the reject. A gzip CRC failure never commits.
    case keep
}

/// Which ownership forms become rows; the others are skipped and counted like any other form type.
public struct FormFilter: Sendable, Equatable {
    public let accepted: Set<String>

    /// Every ownership form is accepted (the default): nothing to look up per filing.
    private let acceptsEverything: Bool

    public init(accepted: Set<String>) {
        self.accepted = Set(accepted.map(FormFilter.canonical))
        acceptsEverything = FormType.spellings.allSatisfy(self.accepted.contains)
    }

    public static let all = FormFilter(accepted: Set(FormType.spellings))

    public func accepts(_ form: String) -> Bool {
        if acceptsEverything { return true }
        let canonical = FormFilter.canonical(form)
        // Forms outside the six are not ours to filter: the row encoder rejects them with a reason.
        return accepted.contains(canonical) || FormType(rawValue: canonical) == nil
    }

    public static func canonical(_ form: String) -> String {
        // Forms are nearly always canonical already ("4", "4/A"); Foundation's trimming cost ~1% of a run.
        let isCanonical = form.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f && !(0x61...0x7a).contains($0) }
        if isCanonical { return form }
        return form.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }
}
