import EdgarCore
import EdgarZlib

/// One part file being written in a staging folder: rows are buffered, compressed in 1 MiB slices and written;
/// the SHA-256 and size of the bytes on disk are kept as they go, for the manifest.
///
/// Each slice becomes one gzip member (`GzipMemberCompressor`), so a part file is a multi-member gzip file. A
/// slice boundary depends only on the rows before it, so the same rows always give the same bytes.
final class StagedPartFile {
    let relativePath: String
    let stagingPath: String
    private let fd: Int32
    private let compressor: GzipMemberCompressor?
    private var membersWritten = 0
    private var pending: [UInt8] = []
    private var hasher = SHA256()
    private(set) var rows = 0
    private(set) var bytesOnDisk = 0
    private static let sliceBytes = 1 << 20

    init(relativePath: String, stagingPath: String, compression: Compression, level: Int32) throws {
        self.relativePath = relativePath
        self.stagingPath = stagingPath
        fd = try FileSystem.openForWriting(stagingPath)
        compressor = compression == .gzip ? try GzipMemberCompressor(level: level) : nil
        pending.reserveCapacity(StagedPartFile.sliceBytes + 64 * 1024)
    }

    deinit {
        if fd >= 0 { _ = try? FileSystem.close(fd, path: stagingPath) }
    }

    func append(_ chunk: TableChunk) throws {
        pending.append(contentsOf: chunk.bytes)
        rows += chunk.rows
        if pending.count >= StagedPartFile.sliceBytes { try flushPending() }
    }

    /// Writes everything out. Returns the SHA-256. Durability comes from one `syncfs` per source before its files
    /// are renamed into place (SourceWriter.commit).
    func finish() throws -> String {
        try flushPending()
        if let compressor, membersWritten == 0 {
            // A part with no rows is still a valid (empty) gzip file.
            try compressor.compress(UnsafeRawBufferPointer(start: nil, count: 0)) { try emit($0) }
        }
        return hasher.hexDigest()
    }

    private func flushPending() throws {
        guard !pending.isEmpty else { return }
        if let compressor {
            try pending.withUnsafeBytes { slice in try compressor.compress(slice) { try emit($0) } }
            membersWritten += 1
        } else {
            try pending.withUnsafeBytes { try emit($0) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws {
        try FileSystem.writeAll(fd, bytes, path: stagingPath)
        hasher.update(buffer: bytes)
        bytesOnDisk += bytes.count
    }
}
