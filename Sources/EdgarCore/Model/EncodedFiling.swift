/// One filing turned into rows: the NDJSON lines of each table (already encoded, in document order) and the
/// partition every row of the filing goes to. Produced by the transformer, consumed by the writer.
public struct EncodedFiling: Sendable {
    public var filingID: String
    public var partition: PartitionKey
    /// NDJSON bytes per table (each line ends in `\n`) and the number of rows in them.
    public var tables: [Table: TableChunk]
    /// Where the document came from, for the reject of a later copy (`duplicate_filing`); set by the pipeline.
    public var source: SourceRef?

    public init(filingID: String, partition: PartitionKey, tables: [Table: TableChunk], source: SourceRef? = nil) {
        self.filingID = filingID
        self.partition = partition
        self.tables = tables
        self.source = source
    }
}

public struct TableChunk: Sendable {
    public var bytes: [UInt8]
    public var rows: Int

    public init(bytes: [UInt8] = [], rows: Int = 0) {
        self.bytes = bytes
        self.rows = rows
    }
}

/// Versions stamped on every output, so a warehouse can reprocess by version.
public enum Versions {
    /// Bumped whenever a change to parsing could change a row.
    public static let parser = "edgar-etl/0.1.0"
    /// The manifests' `contract_version` (docs/TABLES.md, "Files on disk").
    public static let contract = 1
}
