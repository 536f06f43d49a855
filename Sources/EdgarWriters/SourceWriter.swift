#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EdgarCore
import EdgarZlib

/// Writes the tables of one source into its own staging folder, then commits them: files are renamed into
/// place (so a reader never sees a partial file), files an earlier run of the same source produced and this
/// one did not are removed, and the manifest is written last. `abort()` leaves OUT as it was.
public final class SourceWriter {
    public let sourceKey: String
    fileprivate let layout: OutputLayout
    /// One compressor for all the source's parts: the writer is a single thread, and libdeflate's state and
    /// output buffer are then held once, not once per partition and table.
    fileprivate let compressor: GzipMemberCompressor?
    fileprivate let stagingFolder: String
    fileprivate var parts: [String: StagedPartFile] = [:]
    private var recentParts = [(partition: PartitionKey, part: StagedPartFile)?](repeating: nil, count: Table.allCases.count)
    private var finished = false
    /// `Table.allCases` builds a new array on every call: kept once.
    private static let tables = Table.allCases

    public init(layout: OutputLayout, sourceKey: String, attemptID: String, compressionLevel: Int32 = 6) throws {
        self.layout = layout
        self.sourceKey = sourceKey
        compressor = layout.compression == .gzip ? try GzipMemberCompressor(level: compressionLevel) : nil
        stagingFolder = layout.stagingFolder + "/" + sourceKey + "." + attemptID
        FileSystem.removeTree(stagingFolder)
        try FileSystem.makeDirectories(stagingFolder)
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends rows of one table and partition.
    public func append(_ chunk: TableChunk, table: Table, partition: PartitionKey) throws {
        guard chunk.rows > 0 else { return }
        // Consecutive filings almost always share a partition: remember each table's last part so the path
        // is built and looked up once per partition, not once per row chunk.
        let slot = SourceWriter.tables.firstIndex(of: table)!
        if let recent = recentParts[slot], recent.partition == partition {
            try recent.part.append(chunk)
            return
        }
        let relative = layout.partPath(table: table, partition: partition, sourceKey: sourceKey)
        let part: StagedPartFile
        if let existing = parts[relative] {
            part = existing
        } else {
            let staged = stagingFolder + "/" + String(parts.count)
            part = StagedPartFile(relativePath: relative, stagingPath: staged, compressor: compressor)
            parts[relative] = part
        }
        recentParts[slot] = (partition, part)
        try part.append(chunk)
    }

    /// Finishes every file and publishes the source. `manifest.files` is filled in here.
    @discardableResult
    public func commit(_ manifest: Manifest) throws -> Manifest {
        precondition(!finished, "SourceWriter committed twice")
        var manifest = manifest
        var files: [Manifest.FileInfo] = []
        for (relative, part) in parts.sorted(by: { $0.key < $1.key }) {
            let sha = try part.finish()
            files.append(.init(path: relative, rows: part.rows, bytes: part.bytesOnDisk, sha256: sha))
        }
        manifest.files = files
        if !files.isEmpty { try FileSystem.syncFileSystem(containing: stagingFolder) }
        let manifestPath = layout.manifestPath(sourceKey: sourceKey)
        let previous = FileSystem.readFile(manifestPath).map(Manifest.filePaths(inManifestBytes:)) ?? []

        for file in files {
            let target = layout.root + "/" + file.path
            try FileSystem.makeDirectories(String(target[..<target.lastIndex(of: "/")!]))
            try FileSystem.rename(parts[file.path]!.stagingPath, target)
        }
        let produced = Set(files.map(\.path))
        // A failed earlier attempt leaves its explanation in the unknown rejects partition, outside any manifest.
        let failureRejects = layout.partPath(
            table: .rejects, partition: .unknown(.month), sourceKey: sourceKey)
        for stale in Set(previous + [failureRejects]).subtracting(produced).sorted() {
            try FileSystem.removeFile(layout.root + "/" + stale)
        }
        try FileSystem.makeDirectories(layout.manifestsFolder)
        try FileSystem.writeAtomically(manifest.encoded(), to: manifestPath, temporaryDirectory: stagingFolder)
        finished = true
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        FileSystem.removeTree(stagingFolder)
        return manifest
    }

    /// Drops everything staged; OUT keeps what earlier runs committed.
    public func abort() {
        finished = true
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        FileSystem.removeTree(stagingFolder)
    }
}

extension SourceWriter {
    /// Publishes only the explanation of a source that failed (a damaged input): its reject rows go to the
    /// unknown partition of `_rejects`, no manifest is written, and what earlier runs committed stays.
    public func publishFailure(_ rejects: TableChunk) throws {
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        let relative = layout.partPath(table: .rejects, partition: .unknown(.month), sourceKey: sourceKey)
        let part = StagedPartFile(relativePath: relative, stagingPath: stagingFolder + "/failure", compressor: compressor)
        try part.append(rejects)
        _ = try part.finish()
        try FileSystem.syncFileSystem(containing: stagingFolder)
        let target = layout.root + "/" + relative
        try FileSystem.makeDirectories(String(target[..<target.lastIndex(of: "/")!]))
        try FileSystem.rename(part.stagingPath, target)
        abort()
    }
}
