import EdgarCompression
import EdgarCore
import EdgarSystem
import SystemPackage

/// Writes the tables of one source into its own staging folder, then commits them under the source's lock
/// (`SourceLock`): the old manifest is removed first, the files are renamed into place (a reader never sees a
/// partial file), files the previous commit produced and this one did not are removed, and the manifest is
/// written last. Every state a crash leaves is the old committed source, or an uncommitted one (no manifest)
/// that the next commit of the key cleans up and replaces. `abort()` leaves OUT as it was.
///
/// Below OUT everything goes through descriptors and never follows a link (`FileSystemAt`).
public final class SourceWriter {
    public let sourceKey: String
    fileprivate let layout: OutputLayout
    /// One compressor for all the source's parts: the writer is a single thread, and libdeflate's state and
    /// output buffer are then held once, not once per partition and table.
    fileprivate let compressor: GzipMemberCompressor?
    fileprivate let stagingName: String
    fileprivate let stagingFolder: String
    /// A sharded run leaves `_SUCCESS` alone unless it changes a manifest; a whole run removed it at its start.
    fileprivate let withdrawsSuccessOnChange: Bool
    fileprivate var parts: [String: StagedPartFile] = [:]
    private var recentParts = [(partition: PartitionKey, part: StagedPartFile)?](repeating: nil, count: Table.allCases.count)
    private var finished = false
    /// `Table.allCases` builds a new array on every call: kept once.
    private static let tables = Table.allCases

    public init(
        layout: OutputLayout, sourceKey: String, attemptID: String, compressionLevel: Int32 = 6,
        withdrawsSuccessOnChange: Bool = false
    ) throws {
        self.layout = layout
        self.sourceKey = sourceKey
        self.withdrawsSuccessOnChange = withdrawsSuccessOnChange
        compressor = layout.compression == .gzip ? try GzipMemberCompressor(level: compressionLevel) : nil
        stagingName = sourceKey + "." + attemptID
        stagingFolder = layout.stagingFolder + "/" + stagingName
        try withStaging { staging in
            FileSystem.removeTree(stagingName, in: staging)
            let fd = try FileSystem.openDirectory(stagingName, in: staging, create: true, label: "_staging/" + stagingName)
            FileSystem.release(fd)
        }
    }

    deinit {
        if !finished { abort() }
    }

    /// Runs `body` with the open `_staging` folder (refused if it is a link).
    fileprivate func withStaging<T>(_ body: (FileDescriptor) throws -> T) throws -> T {
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        let staging = try FileSystem.openDirectory(OutputLayout.stagingName, in: root, create: true, label: OutputLayout.stagingName)
        defer { FileSystem.release(staging) }
        return try body(staging)
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
        let staged = Dictionary(uniqueKeysWithValues: parts.map { ($0.key, $0.value.stagingName) })
        try publish(manifest, staged: staged)
        finished = true
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        try? withStaging { FileSystem.removeTree(stagingName, in: $0) }
        return manifest
    }

    /// The commit proper, under the source's lock. `staged`: relative path -> name in the staging folder.
    private func publish(_ manifest: Manifest, staged: [String: String]) throws {
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        let lock = try SourceLock(sourceKey: sourceKey, root: root)
        // Until the list is recorded nothing has changed: the lock file can go as after a whole commit, unless it
        // holds what an earlier commit left half-done.
        var keepRecord = !lock.pending.isEmpty
        defer { keepRecord ? lock.releaseKeepingRecord() : lock.releaseCommitted() }
        let manifests = try FileSystem.openDirectory(
            OutputLayout.manifestsName, in: root, create: true, label: OutputLayout.manifestsName)
        defer { FileSystem.release(manifests) }
        let staging = try FileSystem.openDirectory(
            relative: OutputLayout.stagingName + "/" + stagingName, in: root, create: false)
        defer { FileSystem.release(staging) }

        let bytes = manifest.encoded()
        var previous: [String] = []
        var unchanged = false
        switch ManifestReader.read(sourceKey: sourceKey, in: manifests) {
        case .absent:
            break
        case .damaged:
            // A damaged manifest names nothing we may trust: it is replaced, and what it listed is not touched.
            // The source's own files are found by their names instead (`part-<key>-` in the layout).
            previous = FileSystem.partFiles(of: sourceKey, in: root)
        case .valid(let old):
            guard SourceKey.sameInput(old.sourcePath, manifest.source.path) else {
                throw OutputError.keyConflict(key: sourceKey, input: manifest.source.path, manifestInput: old.sourcePath)
            }
            previous = old.files.map(\.path)
            unchanged = old.bytes == bytes && lock.pending.isEmpty
        }
        if withdrawsSuccessOnChange && !unchanged {
            try FileSystem.unlinkEntry(OutputLayout.successName, in: root, label: OutputLayout.successName)
        }
        let produced = Set(manifest.files.map(\.path))
        // A failed earlier attempt leaves its explanation in the unknown rejects partition, outside any manifest.
        let stale = Set(lock.pending + previous + layout.failureRejectPaths(sourceKey: sourceKey)).subtracting(produced)
        try lock.record(Array(stale.union(produced)), durably: false)
        // One syncfs makes the staged parts and the list above durable together (one journal commit per source,
        // not one per file). What follows are metadata changes that the journal keeps in order: the manifest's
        // removal before the renames, the renames before the new manifest (itself fsynced).
        try FileSystem.syncFileSystem(containing: stagingFolder)
        keepRecord = true

        // From here until the manifest is back, the source is uncommitted; the lock file says what to clean.
        try FileSystem.unlinkEntry(sourceKey + ".json", in: manifests, label: OutputLayout.manifestsName + "/" + sourceKey + ".json")
        var folders: [String: FileDescriptor] = [:]
        defer { for fd in folders.values { FileSystem.release(fd) } }
        for file in manifest.files {
            let (folder, name) = OutputLayout.split(file.path)
            if folders[folder] == nil { folders[folder] = try FileSystem.openDirectory(relative: folder, in: root, create: true) }
            try FileSystem.rename(staged[file.path]!, in: staging, to: name, in: folders[folder]!, label: file.path)
        }
        for path in stale.sorted() {
            let (folder, name) = OutputLayout.split(path)
            if folders[folder] == nil {
                guard let fd = try? FileSystem.openDirectory(relative: folder, in: root, create: false) else { continue }
                folders[folder] = fd
            }
            try FileSystem.unlinkEntry(name, in: folders[folder]!, label: path)
        }
        try FileSystem.writeAtomically(
            bytes, as: sourceKey + ".json", in: manifests, scratch: staging,
            label: OutputLayout.manifestsName + "/" + sourceKey + ".json")
        keepRecord = false
        retireLegacyKeys(of: manifest.source.path, root: root, manifests: manifests)
    }

    /// Before source keys carried a hash, an input's key was its file name (or, when two inputs of a run shared
    /// one, its path's components joined by `_`). Once the input is committed under its new key, what the same
    /// input committed under such an old key is removed (manifest first, then its part files), or readers would
    /// count its rows twice. Only a valid manifest of the same input is retired, and only its own part files.
    private func retireLegacyKeys(of input: String, root: FileDescriptor, manifests: FileDescriptor) {
        for legacy in SourceKey.legacyKeys(for: input) where legacy != sourceKey {
            guard case .valid(let old) = ManifestReader.read(sourceKey: legacy, in: manifests),
                SourceKey.sameInput(old.sourcePath, input),
                let lock = try? SourceLock(sourceKey: legacy, root: root)
            else { continue }
            let paths = Set(old.files.map(\.path) + lock.pending + layout.failureRejectPaths(sourceKey: legacy))
            guard (try? lock.record(Array(paths))) != nil,
                (try? FileSystem.unlinkEntry(legacy + ".json", in: manifests, label: legacy + ".json")) != nil
            else {
                lock.releaseKeepingRecord()
                continue
            }
            var failed = false
            for path in paths.sorted() {
                let (folder, name) = OutputLayout.split(path)
                guard let fd = try? FileSystem.openDirectory(relative: folder, in: root, create: false) else { continue }
                if (try? FileSystem.unlinkEntry(name, in: fd, label: path)) == nil { failed = true }
                FileSystem.release(fd)
            }
            failed ? lock.releaseKeepingRecord() : lock.releaseCommitted()
        }
    }

    /// Drops everything staged; OUT keeps what earlier runs committed.
    public func abort() {
        finished = true
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        try? withStaging { FileSystem.removeTree(stagingName, in: $0) }
    }
}

extension SourceWriter {
    /// Publishes only the explanation of a source that failed (a damaged input): its reject rows go to the
    /// unknown partition of `_rejects`, no manifest is written, and what earlier runs committed stays.
    public func publishFailure(_ rejects: TableChunk, partition: PartitionKey) throws {
        parts.removeAll()
        recentParts = recentParts.map { _ in nil }
        let relative = layout.partPath(table: .rejects, partition: partition, sourceKey: sourceKey)
        let part = StagedPartFile(relativePath: relative, stagingPath: stagingFolder + "/failure", compressor: compressor)
        try part.append(rejects)
        _ = try part.finish()
        try FileSystem.syncFileSystem(containing: stagingFolder)
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        let lock = try SourceLock(sourceKey: sourceKey, root: root)
        defer { lock.pending.isEmpty ? lock.releaseCommitted() : lock.releaseKeepingRecord() }
        let staging = try FileSystem.openDirectory(
            relative: OutputLayout.stagingName + "/" + stagingName, in: root, create: false)
        defer { FileSystem.release(staging) }
        let (folder, name) = OutputLayout.split(relative)
        let target = try FileSystem.openDirectory(relative: folder, in: root, create: true)
        defer { FileSystem.release(target) }
        try FileSystem.rename(part.stagingName, in: staging, to: name, in: target, label: relative)
        abort()
    }
}
