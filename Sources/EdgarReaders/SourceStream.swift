import EdgarCore
import EdgarSystem

/// Reads a file front to back in fixed chunks into one reused buffer, hashing every byte on the way, so the
/// SHA-256 and size of the input come for free whatever the format.
final class SourceStream {
    static let chunkSize = 256 * 1024

    let file: InputFile
    private let buffer: UnsafeMutableRawBufferPointer
    private var hasher = SHA256()
    private(set) var bytesRead = 0
    private(set) var atEnd = false
    private let consumed: ByteCounter?

    init(file: InputFile, chunkSize: Int = SourceStream.chunkSize, consumed: ByteCounter? = nil) {
        self.file = file
        self.consumed = consumed
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next chunk (empty at end of file). Valid until the next call.
    func next() throws(SystemError) -> UnsafeRawBufferPointer {
        guard !atEnd else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let n = try file.read(into: buffer)
        if n < buffer.count { atEnd = true }
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
        hasher.update(buffer: chunk)
        bytesRead += n
        consumed?.add(n)
        return chunk
    }

    /// Reads (and hashes) whatever is left, for when the format no longer needs the bytes.
    func drain() throws(SystemError) {
        while !atEnd { _ = try next() }
    }

    func digest() -> String { hasher.hexDigest() }
}
