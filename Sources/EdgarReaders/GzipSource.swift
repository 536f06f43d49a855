import EdgarCompression
import EdgarCore

/// A gzip file (one or several concatenated members), inflated in 256 KiB reads through one `Inflater`; its
/// payload is a tar walked on the fly or a single member (see `GzipPayload`).
struct GzipSource {
    let label: String
    let limits: ReaderLimits

    /// Returns the failure that damaged the source, if any; members and rejects go to `emit` as they are read.
    func read(
        _ stream: SourceStream, first: UnsafeRawBufferPointer, _ emit: (ReadEvent) throws -> Void
    ) throws -> SourceFailure? {
        let rejects = RejectMaker(label: label)
        let inflater = Inflater(format: .gzip)
        var payload = GzipPayload(label: label, limits: limits, sizeHint: try sizeHint(stream.file))
        var chunk = first
        var fed = 0
        while !chunk.isEmpty {
            fed += chunk.count
            do {
                try inflater.feed(chunk) { output in try payload.consume(output, compressedSoFar: fed, emit) }
            } catch let error as InflateError {
                if error.kind == .corrupt && inflater.atMemberBoundary {
                    // Garbage after a complete gzip member: what came before it is whole, hand it on.
                    _ = try payload.finish(compressedTotal: fed, emit)
                }
                return failure(error, rejects)
            }
            // A rejected single payload needs no more inflating (it could be a bomb); the caller still hashes the rest.
            if payload.abandoned { return nil }
            if let message = payload.overInputCap {
                // Members read whole before the cap are sound; only the time budget ran out.
                return rejects.failure(.memberTooLarge, keepable: true, "\(label): \(message)")
            }
            chunk = try stream.next()
        }
        do {
            try inflater.finish()
        } catch {
            return rejects.failure(.truncatedArchive, keepable: true, "\(label): \(error.message)")
        }
        if let truncation = try payload.finish(compressedTotal: fed, emit) {
            return rejects.failure(.truncatedArchive, keepable: true, "\(label): \(truncation)")
        }
        return nil
    }

    private func failure(_ error: InflateError, _ rejects: RejectMaker) -> SourceFailure {
        switch error.kind {
        case .checksumMismatch:
            // The damage can be anywhere in the member, so nothing read from it can be trusted.
            return rejects.failure(.corruptGzip, keepable: false, "\(label): gzip CRC-32 or length check failed (\(error.message))")
        case .truncated:
            return rejects.failure(.truncatedArchive, keepable: true, "\(label): \(error.message)")
        case .corrupt:
            return rejects.failure(.corruptGzip, keepable: true, "\(label): corrupt gzip data (\(error.message))")
        case .limitExceeded, .internalFailure:
            return rejects.failure(.corruptGzip, keepable: false, "\(label): \(error.message)")
        }
    }

    /// ISIZE, the last 4 bytes of a gzip file: the (last member's) payload size modulo 2^32, a free guess for
    /// sizing the single-payload buffer once.
    private func sizeHint(_ file: InputFile) throws -> Int {
        guard file.size >= 18 else { return 0 }
        let tail = try file.bytes(count: 4, at: file.size - 4)
        guard tail.count == 4 else { return 0 }
        return Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
    }
}
