/// How part files are stored, and so how they are named: `OutputLayout` (EdgarWriters) writes them, the
/// warehouse loads (EdgarTransformers) find them, both by these names.
public enum Compression: String, Sendable, CaseIterable {
    case gzip
    case none

    public var fileExtension: String { self == .gzip ? ".ndjson.gz" : ".ndjson" }

    /// Every part file of a table at any partition depth, relative to the table's folder (`**/*.ndjson.gz`).
    public var partFileGlob: String { "**/*" + fileExtension }
}
