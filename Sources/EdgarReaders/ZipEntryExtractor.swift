import EdgarCompression
import EdgarCore

/// Reads one zip entry's bytes: checks the limits before touching the data, inflates into exactly one array,
/// verifies size and CRC-32. Reuses one raw `Inflater` and one compressed-data buffer across entries.
///
/// Two checks span entries, because a zip bomb needs no single large entry: many directory entries may point at
/// the same compressed bytes (overlapping local-header ranges, refused as `unzip` 6.0 refuses them), and the
/// entries inflated are added up against the per-input cap.
final class ZipEntryExtractor {
    let file: InputFile
    let limits: ReaderLimits
    let rejects: RejectMaker
    private(set) var members = 0
    /// Bytes inflated (or copied, for stored entries) so far, against `limits.maxInflatedBytesPerInput`.
    private(set) var inflatedTotal = 0
    /// Set when the next entry would pass the per-input cap: the input is given up with this message.
    private(set) var overInputCap: String?
    /// The file ranges (local header to end of data) of the entries read so far, sorted and disjoint.
    private var claimed = ClaimedRanges()
    private let inflater = Inflater(format: .raw, outputChunkSize: 64 * 1024)
    private var compressed: [UInt8] = []

    private struct InflatedTooMuch: Error {}

    init(file: InputFile, limits: ReaderLimits, rejects: RejectMaker) {
        self.file = file
        self.limits = limits
        self.rejects = rejects
    }

    func extract(_ entry: ZipEntry, _ emit: (ReadEvent) throws -> Void) throws {
        if entry.isDirectory && entry.uncompressedSize == 0 { return }
        let name = entry.name
        func refuse(_ code: RejectCode, _ message: String, excerpt: [UInt8] = []) throws {
            try emit(.reject(rejects.make(code, member: name, message, excerptBytes: excerpt)))
        }
        if entry.uncompressedSize == 0 {
            return try refuse(.emptyInput, "zip member \(name) is empty (0 bytes)")
        }
        if entry.isEncrypted {
            return try refuse(.unsupportedArchive, "zip member \(name) is encrypted; encrypted members are not read")
        }
        guard entry.method == 0 || entry.method == 8 else {
            return try refuse(
                .unsupportedArchive,
                "zip member \(name) uses compression method \(entry.method); only stored (0) and deflate (8) are read")
        }
        guard entry.uncompressedSize <= limits.maxMemberBytes else {
            return try refuse(
                .memberTooLarge,
                "zip member \(name) is \(entry.uncompressedSize) bytes, above the \(limits.maxMemberBytes)-byte member limit; skipped")
        }
        guard DecompressionLimit(maxRatio: limits.maxCompressionRatio).allows(
            output: entry.uncompressedSize, input: entry.compressedSize)
        else {
            return try refuse(
                .memberTooLarge,
                "zip member \(name) inflates more than \(limits.maxCompressionRatio) times its compressed size "
                    + "(\(entry.uncompressedSize) bytes from \(entry.compressedSize)); skipped as a likely decompression bomb")
        }
        // Deflate never grows data by more than a few bytes per 16 KiB block; a larger claim is damage.
        guard entry.compressedSize <= entry.uncompressedSize + entry.uncompressedSize / 16 + 1024 else {
            return try refuse(
                .corruptArchive,
                "zip member \(name) claims \(entry.compressedSize) compressed bytes for \(entry.uncompressedSize) inflated")
        }

        let local = try file.bytes(count: 30, at: entry.localHeaderOffset)
        guard local.count == 30, local.hasSignature(0, 3, 4) else {
            return try refuse(
                .corruptArchive,
                "zip member \(name): no valid local header at byte \(entry.localHeaderOffset)", excerpt: local)
        }
        let dataStart = entry.localHeaderOffset + 30 + local.u16(26) + local.u16(28)
        guard dataStart <= file.size, entry.compressedSize <= file.size - dataStart else {
            return try refuse(.corruptArchive, "zip member \(name): its data runs past the end of the file")
        }
        let span = entry.localHeaderOffset..<(dataStart + entry.compressedSize)
        if let other = claimed.overlap(span) {
            return try refuse(
                .corruptArchive,
                "zip member \(name) (bytes \(span.lowerBound) to \(span.upperBound)) overlaps the bytes of an earlier "
                    + "member (\(other.lowerBound) to \(other.upperBound)): overlapping entries are a zip bomb's "
                    + "trick, never written by an archiver; skipped")
        }
        claimed.insert(span)
        guard entry.uncompressedSize <= limits.maxInflatedBytesPerInput - inflatedTotal else {
            overInputCap = "the zip's members inflate past the \(limits.maxInflatedBytesPerInput)-byte cap on the bytes "
                + "one input may inflate to (\(inflatedTotal) bytes before member \(name)); the rest is not read"
            return
        }
        inflatedTotal += entry.uncompressedSize

        var bytes: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else {
                return try refuse(
                    .corruptArchive,
                    "zip member \(name) is stored but its sizes differ (\(entry.compressedSize) vs \(entry.uncompressedSize))")
            }
            bytes = try file.bytes(count: entry.compressedSize, at: dataStart)
            guard bytes.count == entry.compressedSize else {
                return try refuse(.corruptArchive, "zip member \(name): its data runs past the end of the file")
            }
        } else {
            switch try inflate(entry, dataStart: dataStart) {
            case .success(let inflated): bytes = inflated
            case .failure(let message): return try refuse(.corruptArchive, "zip member \(name): \(message)")
            }
        }
        guard CRC32.checksum(bytes) == entry.crc else {
            return try refuse(
                .corruptArchive, "zip member \(name) fails its CRC-32 check: the data is damaged", excerpt: bytes)
        }
        members += 1
        try emit(.member(Member(archive: rejects.label, path: name, bytes: bytes)))
    }

    private enum Inflated {
        case success([UInt8])
        case failure(String)
    }

    private func inflate(_ entry: ZipEntry, dataStart: Int) throws -> Inflated {
        let expected = entry.uncompressedSize
        if entry.compressedSize == 0 {
            return expected == 0 ? .success([]) : .failure("no compressed data for \(expected) bytes")
        }
        if compressed.count < entry.compressedSize {
            compressed = [UInt8](repeating: 0, count: entry.compressedSize)
        }
        let got = try compressed.withUnsafeMutableBytes { buffer in
            try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<entry.compressedSize]), at: dataStart)
        }
        guard got == entry.compressedSize else { return .failure("its data runs past the end of the file") }
        var out: [UInt8] = []
        // The directory's size is a claim: reserve on its word only up to a bounded amount.
        out.reserveCapacity(min(expected, ReaderLimits.maxUpfrontReserve))
        inflater.reset()
        do {
            try compressed.withUnsafeBytes { buffer in
                try inflater.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<entry.compressedSize])) { chunk in
                    guard out.count + chunk.count <= expected else { throw InflatedTooMuch() }
                    out.append(raw: chunk)
                }
            }
            try inflater.finish()
        } catch is InflatedTooMuch {
            return .failure("inflates to more than the \(expected) bytes its directory entry declares")
        } catch let error as InflateError {
            return .failure("damaged deflate data (\(error.message))")
        }
        guard out.count == expected else {
            return .failure("inflates to \(out.count) bytes, not the \(expected) its directory entry declares")
        }
        return .success(out)
    }
}

/// Disjoint, sorted half-open file ranges, for the overlap check: a binary search per entry.
struct ClaimedRanges {
    private var ranges: [Range<Int>] = []

    /// A claimed range that shares a byte with `range`, if any.
    func overlap(_ range: Range<Int>) -> Range<Int>? {
        let at = firstIndex(endingAfter: range.lowerBound)
        guard at < ranges.count, ranges[at].lowerBound < range.upperBound else { return nil }
        return ranges[at]
    }

    /// Adds a range that overlaps none of those claimed.
    mutating func insert(_ range: Range<Int>) {
        ranges.insert(range, at: firstIndex(endingAfter: range.lowerBound))
    }

    /// The first range whose end lies past `offset` (ranges are disjoint, so ends are sorted too).
    private func firstIndex(endingAfter offset: Int) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
