import EdgarCore
import EdgarWriters

/// A declarative run, read from a YAML pipeline file (`pipelines/*.yaml`). Every setting is optional except
/// `version`: an absent key leaves the run's default (or the command line's value) alone.
///
/// Paths are already resolved when a file is loaded: environment references expanded, relative paths taken
/// from the file's folder, globs expanded (sorted). See `PipelineFileSchema` for every key.
public struct PipelineFile: Sendable, Equatable {
    /// The only format version this build reads; a file must say `version: 1`.
    public static let currentVersion = 1

    public var version: Int
    /// Files, folders and expanded glob matches, in the order written; a glob that matched nothing is kept as
    /// written so the run reports it as an unreadable input instead of silently reading less.
    public var inputs: [String]
    /// Globs in `inputs` that matched nothing, as resolved patterns.
    public var unmatchedGlobs: [String]
    public var output: String?
    /// Canonical ownership form types (`4`, `4/A`, …); nil means all six.
    public var forms: [String]?
    public var partition: PartitionGranularity?
    public var compression: Compression?
    public var compressionLevel: Int?
    public var jobs: Int?
    public var readers: Int?
    public var batchSize: Int?
    /// (1.1) `recover_xml`: read not-well-formed XML in libxml2's recover mode.
    public var recoverXML: Bool?
    public var limits: Limits
    public var rejects: Rejects

    public struct Limits: Sendable, Equatable {
        public var maxMemberBytes: Int?
        public var maxCompressionRatio: Int?
        public var maxXMLDepth: Int?
        public var maxDocumentBytes: Int?
        public var maxInflatedBytes: Int?

        public init(
            maxMemberBytes: Int? = nil, maxCompressionRatio: Int? = nil, maxXMLDepth: Int? = nil,
            maxDocumentBytes: Int? = nil, maxInflatedBytes: Int? = nil
        ) {
            self.maxMemberBytes = maxMemberBytes
            self.maxCompressionRatio = maxCompressionRatio
            self.maxXMLDepth = maxXMLDepth
            self.maxDocumentBytes = maxDocumentBytes
            self.maxInflatedBytes = maxInflatedBytes
        }
    }

    public struct Rejects: Sendable, Equatable {
        public var onTruncated: TruncatedPolicy?
        public var maxRejects: Int?
        public var maxRejectRatio: Double?

        public init(onTruncated: TruncatedPolicy? = nil, maxRejects: Int? = nil, maxRejectRatio: Double? = nil) {
            self.onTruncated = onTruncated
            self.maxRejects = maxRejects
            self.maxRejectRatio = maxRejectRatio
        }
    }

    public init(
        version: Int = PipelineFile.currentVersion, inputs: [String] = [], unmatchedGlobs: [String] = [],
        output: String? = nil, forms: [String]? = nil, partition: PartitionGranularity? = nil,
        compression: Compression? = nil, compressionLevel: Int? = nil, jobs: Int? = nil, readers: Int? = nil,
        batchSize: Int? = nil, recoverXML: Bool? = nil, limits: Limits = Limits(), rejects: Rejects = Rejects()
    ) {
        self.version = version
        self.inputs = inputs
        self.unmatchedGlobs = unmatchedGlobs
        self.output = output
        self.forms = forms
        self.partition = partition
        self.compression = compression
        self.compressionLevel = compressionLevel
        self.jobs = jobs
        self.readers = readers
        self.batchSize = batchSize
        self.recoverXML = recoverXML
        self.limits = limits
        self.rejects = rejects
    }
}
