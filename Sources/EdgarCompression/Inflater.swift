import CEdgarZlib

/// Streaming inflate over zlib. Feed compressed chunks of any size; decompressed bytes come out through a
/// callback. One `Inflater` per stream and per thread: the `z_stream` is heap-allocated because zlib keeps
/// its address in its internal state.
///
/// zlib only ever inflates raw DEFLATE here: the gzip framing is read by `GzipHeaderReader`/`GzipTrailer` and the
/// CRC-32 computed with libdeflate's, which took zlib's own CRC from 6% of a run's instructions to nearly nothing.
public final class Inflater {
    public enum Format: Sendable {
        /// gzip, with multi-member streams (concatenated gzip members) handled as one stream.
        case gzip
        /// Raw deflate, as in zip entries.
        case raw
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let format: Format
    private var output: [UInt8]
    private var initialised = false
    /// Where a gzip stream is: in a member's header, its DEFLATE data, or its trailer.
    private enum GzipPhase {
        case header(GzipHeaderReader)
        case body
        case trailer(GzipTrailer)

        var isTrailer: Bool { if case .trailer = self { true } else { false } }
    }
    private var phase = GzipPhase.header(GzipHeaderReader())
    private var memberCRC = CRC32()
    private var memberLength: UInt32 = 0
    /// True after a member ended and before the next byte of input: a stream may legitimately end here.
    public private(set) var atMemberBoundary = true
    /// True once a raw stream has reached its end.
    public private(set) var finished = false
    public private(set) var totalIn = 0
    public private(set) var totalOut = 0

    public init(format: Format, outputChunkSize: Int = 256 * 1024) {
        self.format = format
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: outputChunkSize)
    }

    deinit {
        if initialised { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    private func start() throws(InflateError) {
        let rc = ZlibStatus(rawValue: cedgar_inflateInit2(stream, -15))
        guard rc == .ok else { throw InflateError(.internalFailure, status: rc, message: "inflateInit2 failed: \(rc)") }
        initialised = true
    }

    /// Inflates `input`, calling `sink` with each run of output. For gzip, a new member may start right
    /// after the previous one ends (multi-member files).
    public func feed(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard input.count > 0 else { return }
        if !initialised { try start() }
        var remaining = input
        while remaining.count > 0 {
            if finished {
                // Bytes after the end of a raw stream are not ours; the caller decides what they mean.
                return
            }
            if atMemberBoundary && format == .gzip && totalIn > 0 {
                // A gzip member ended; what follows must be another gzip member (1f 8b) or nothing.
                if remaining[0] != 0x1f {
                    throw InflateError(
                        .corrupt, message: "trailing data after gzip member at byte \(totalIn) is not a gzip header")
                }
            }
            atMemberBoundary = false
            if format == .gzip, let framed = try readFraming(remaining) {
                totalIn += framed
                remaining = UnsafeRawBufferPointer(rebasing: remaining[framed...])
                continue
            }
            let consumed = try output.withUnsafeMutableBytes { out throws -> Int in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: remaining.baseAddress!.assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = uInt(remaining.count)
                var rc = ZlibStatus.ok
                repeat {
                    stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(out.count)
                    rc = ZlibStatus(rawValue: inflate(stream, Z_NO_FLUSH))
                    let produced = out.count - Int(stream.pointee.avail_out)
                    if produced > 0 {
                        totalOut += produced
                        let bytes = UnsafeRawBufferPointer(rebasing: out[0..<produced])
                        if format == .gzip {
                            memberCRC.update(bytes)
                            memberLength &+= UInt32(truncatingIfNeeded: produced)
                        }
                        try sink(bytes)
                    }
                    switch rc {
                    case .ok, .bufferError: break
                    case .streamEnd: break
                    case .dataError:
                        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                        throw InflateError(.corrupt, status: rc, message: "inflate failed: \(detail)")
                    default:
                        throw InflateError(.internalFailure, status: rc, message: "inflate failed: \(rc)")
                    }
                } while rc == .ok && stream.pointee.avail_out == 0
                let used = remaining.count - Int(stream.pointee.avail_in)
                if rc == .streamEnd {
                    if format == .gzip {
                        inflateReset(stream)
                        phase = .trailer(GzipTrailer())
                    } else {
                        finished = true
                    }
                }
                return used
            }
            totalIn += consumed
            remaining = UnsafeRawBufferPointer(rebasing: remaining[consumed...])
            if consumed == 0 && !atMemberBoundary && !finished && !phase.isTrailer {
                // zlib made no progress on non-empty input without an error: should not happen.
                throw InflateError(.internalFailure, message: "inflate made no progress")
            }
        }
    }

    /// Consumes gzip header or trailer bytes at the start of `input`; nil while in a member's DEFLATE data.
    private func readFraming(_ input: UnsafeRawBufferPointer) throws(InflateError) -> Int? {
        switch phase {
        case .body:
            return nil
        case .header(var reader):
            let used = try reader.consume(input)
            if reader.isComplete {
                phase = .body
                memberCRC = CRC32()
                memberLength = 0
            } else {
                phase = .header(reader)
            }
            return used
        case .trailer(var trailer):
            let used = trailer.consume(input)
            if trailer.isComplete {
                try trailer.check(crc: memberCRC.value, length: memberLength)
                phase = .header(GzipHeaderReader())
                atMemberBoundary = true
            } else {
                phase = .trailer(trailer)
            }
            return used
        }
    }

    /// Declares the end of input: throws `.truncated` when a stream was left open.
    public func finish() throws(InflateError) {
        if format == .gzip {
            if !atMemberBoundary { throw InflateError(.truncated, message: "gzip stream ends before its end marker (truncated after \(totalIn) bytes)") }
        } else if !finished {
            throw InflateError(.truncated, message: "deflate stream ends before its end marker (truncated after \(totalIn) bytes)")
        }
    }

    /// Prepares the inflater for an unrelated stream, keeping its buffers.
    public func reset() {
        if initialised { inflateReset(stream) }
        phase = .header(GzipHeaderReader())
        atMemberBoundary = true
        finished = false
        totalIn = 0
        totalOut = 0
    }

    /// Inflates a whole buffer at once (e.g. a zip entry), enforcing `limit`.
    public static func inflateAll(
        _ input: UnsafeRawBufferPointer, format: Format, limit: DecompressionLimit = .none, sizeHint: Int = 0
    ) throws -> [UInt8] {
        let inflater = Inflater(format: format, outputChunkSize: 64 * 1024)
        var out: [UInt8] = []
        out.reserveCapacity(min(sizeHint, limit.maxOutputBytes ?? sizeHint))
        try inflater.feed(input) { chunk in
            guard limit.allows(output: out.count + chunk.count, input: input.count) else {
                throw InflateError(.limitExceeded, message: "inflated size passes the limit")
            }
            out.append(contentsOf: chunk)
        }
        try inflater.finish()
        return out
    }
}
