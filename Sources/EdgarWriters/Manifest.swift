import EdgarCore

/// What one committed source produced: `_manifests/<source-key>.json`. Its presence means the source is
/// committed. It carries no clock time, so the same input gives the same bytes.
public struct Manifest: Sendable, Equatable {
    public struct SourceInfo: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var sha256: String

        public init(path: String, size: Int, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    public struct FileInfo: Sendable, Equatable {
        public var path: String
        public var rows: Int
        public var bytes: Int
        public var sha256: String
    }

    public var source: SourceInfo
    public var filings: Int
    public var rows: [Table: Int]
    public var rejects: [RejectCode: Int]
    public var skipped: [String: Int]
    public var files: [FileInfo]

    public init(
        source: SourceInfo, filings: Int, rows: [Table: Int], rejects: [RejectCode: Int], skipped: [String: Int],
        files: [FileInfo] = []
    ) {
        self.source = source
        self.filings = filings
        self.rows = rows
        self.rejects = rejects
        self.skipped = skipped
        self.files = files
    }

    public func encoded() -> [UInt8] {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("contract_version")
        w.int(Versions.contract)
        w.key("parser_version")
        w.string(Versions.parser)
        w.key("source")
        w.beginObject()
        w.key("path")
        w.string(source.path)
        w.key("size")
        w.int(source.size)
        w.key("sha256")
        w.string(source.sha256)
        w.endObject()
        w.key("filings")
        w.int(filings)
        w.countMembers(rows: rows, rejects: rejects, skipped: skipped)
        w.key("files")
        w.beginArray()
        for file in files.sorted(by: { $0.path < $1.path }) {
            w.beginObject()
            w.key("path")
            w.string(file.path)
            w.key("rows")
            w.int(file.rows)
            w.key("bytes")
            w.int(file.bytes)
            w.key("sha256")
            w.string(file.sha256)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.newline()
        return w.bytes
    }
}
