import EdgarCompression
import EdgarCore
import EdgarSystem
import SystemPackage

/// One part file being written in a staging folder: rows are buffered, compressed in 1 MiB slices and written;
/// the SHA-256 and size of the bytes on disk are kept as they go, for the manifest.
///
/// Each slice becomes one gzip member, so a part file is a multi-member gzip file. A slice boundary depends only
/// on the rows before it, so the same rows always give the same bytes. The file is open only while a slice is
/// written, so a source with thousands of partitions does not run out of file descriptors, and the compressor
/// (with its buffers) is the source's, shared by all its parts.
final class StagedPartFile {
    let relativePath: String
    let stagingPath: String
    /// The file's name inside its staging folder.
    var stagingName: String { stagingPath.split(separator: "/").last.map(String.init) ?? stagingPath }
    private let compressor: GzipMemberCompressor?
    private var pending: [UInt8] = []
    private var hasher = SHA256()
    private var created = false
    private(set) var rows = 0
    private(set) var bytesOnDisk = 0
    private static let sliceBytes = 1 << 20

    /// `compressor`: nil for uncompressed parts.
    init(relativePath: String, stagingPath: String, compressor: GzipMemberCompressor?) {
        self.relativePath = relativePath
        self.stagingPath = stagingPath
        self.compressor = compressor
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
        if !created {
            // A part with no rows is still a valid file: an empty gzip member, or nothing.
            try write { fd in
                try compressor?.compress(UnsafeRawBufferPointer(start: nil, count: 0)) { try emit($0, to: fd) }
            }
        }
        return hasher.hexDigest()
    }

    private func flushPending() throws {
        guard !pending.isEmpty else { return }
        try write { fd in
            try pending.withUnsafeBytes { slice in
                if let compressor {
                    try compressor.compress(slice) { try emit($0, to: fd) }
                } else {
                    try emit(slice, to: fd)
                }
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Opens the staged file (created on the first call, appended to after), runs `body`, closes it.
    private func write(_ body: (FileDescriptor) throws -> Void) throws {
        let fd = try FileSystem.openForWriting(stagingPath, appending: created)
        created = true
        do {
            try body(fd)
        } catch {
            _ = try? FileSystem.close(fd, path: stagingPath)
            throw error
        }
        try FileSystem.close(fd, path: stagingPath)
    }

    private func emit(_ bytes: UnsafeRawBufferPointer, to fd: FileDescriptor) throws {
        try FileSystem.writeAll(fd, bytes, path: stagingPath)
        hasher.update(buffer: bytes)
        bytesOnDisk += bytes.count
    }
}
