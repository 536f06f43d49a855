import CEdgarZlib

/// Streaming compression over zlib, for the sample generator and test archives (the writer uses
/// `GzipMemberCompressor`). The gzip header zlib writes has mtime 0 and no file name, so the same input always
/// gives the same bytes.
public final class Deflater {
    public enum Format: Sendable {
        /// A gzip member (header, deflate data, CRC-32 and length trailer).
        case gzip
        /// Raw deflate, as stored in zip entries.
        case raw
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    private var finished = false

    /// `level` 1…9; 6 is zlib's default balance of speed and size.
    public init(format: Format = .gzip, level: Int32 = 6, outputChunkSize: Int = 128 * 1024) throws(InflateError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: outputChunkSize)
        let rc = ZlibStatus(rawValue: cedgar_deflateInit2(stream, level, format == .gzip ? 15 + 16 : -15, 8))
        guard rc == .ok else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw InflateError(.internalFailure, status: rc, message: "deflateInit2 failed: \(rc)")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `input`; compressed bytes come out through `sink` as zlib produces them.
    public func feed(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        precondition(!finished, "Deflater used after finish()")
        guard input.count > 0 else { return }
        try run(input, flush: Z_NO_FLUSH, sink: sink)
    }

    public func feed(_ input: [UInt8], sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try input.withUnsafeBytes { try feed($0, sink: sink) }
    }

    /// Writes the rest of the stream and the gzip trailer.
    public func finish(sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        precondition(!finished, "Deflater finished twice")
        try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, sink: sink)
        finished = true
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try output.withUnsafeMutableBytes { out in
            stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
            stream.pointee.avail_in = uInt(input.count)
            while true {
                stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(out.count)
                let rc = ZlibStatus(rawValue: deflate(stream, flush))
                guard rc == .ok || rc == .streamEnd || rc == .bufferError else {
                    throw InflateError(.internalFailure, status: rc, message: "deflate failed: \(rc)")
                }
                let produced = out.count - Int(stream.pointee.avail_out)
                if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: out[0..<produced])) }
                if flush == Z_FINISH {
                    if rc == .streamEnd { return }
                } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
                    return
                }
            }
        }
    }

    /// Compresses a whole buffer into one gzip member.
    public static func gzip(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        try compress(input, format: .gzip, level: level)
    }

    /// Compresses a whole buffer in the given format.
    public static func compress(_ input: [UInt8], format: Format, level: Int32 = 6) throws -> [UInt8] {
        let deflater = try Deflater(format: format, level: level)
        var out: [UInt8] = []
        try deflater.feed(input) { out.append(contentsOf: $0) }
        try deflater.finish { out.append(contentsOf: $0) }
        return out
    }
}
