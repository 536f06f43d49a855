import EdgarCompression
import EdgarCore

/// What comes out of a gzip stream, decided on its first 512 bytes: a tar (walked member by member) or a single
/// payload held whole as one member (`x.nc.gz`, `x.xml.gz`), within the member and ratio limits.
struct GzipPayload {
    private let reject: RejectMaker
    private let limits: ReaderLimits
    private var head: [UInt8] = []
    private(set) var tar: TarDecoder?
    private var single: [UInt8]?
    private var sizeHint: Int
    /// Set once the single payload was rejected: nothing more needs inflating.
    private(set) var abandoned = false
    /// Set once the payload inflated past the per-input cap: the whole input is given up with this message.
    private(set) var overInputCap: String?
    private(set) var inflated = 0

    /// `sizeHint`: the gzip trailer's ISIZE, a cheap guess of the payload size for one allocation.
    init(label: String, limits: ReaderLimits, sizeHint: Int) {
        reject = RejectMaker(label: label)
        self.limits = limits
        self.sizeHint = sizeHint
        head.reserveCapacity(TarHeader.blockSize)
    }

    /// Takes one run of inflated bytes. `compressedSoFar` is the compressed bytes fed so far (for the ratio).
    mutating func consume<E: Error>(
        _ output: UnsafeRawBufferPointer, compressedSoFar: Int, _ emit: (ReadEvent) throws(E) -> Void
    ) throws(E) {
        guard !abandoned, overInputCap == nil else { return }
        inflated += output.count
        if inflated > limits.maxInflatedBytesPerInput {
            overInputCap = "the input inflates past the \(limits.maxInflatedBytesPerInput)-byte cap on the bytes one "
                + "input may inflate to (\(compressedSoFar) compressed bytes read); the rest is not read"
            return
        }
        // A single payload past the ratio is a likely bomb (real feed archives are about 9:1); judged here so that
        // not even CPU is spent on the rest. A tar's members are judged one by one by the tar walker instead
        // (a member above the member limit is skipped unheld), so one bomb member does not cost the others.
        if tar == nil,
            !DecompressionLimit(maxRatio: limits.maxCompressionRatio).allows(output: inflated, input: compressedSoFar)
        {
            return try abandon(
                "the gzip payload inflates more than \(limits.maxCompressionRatio) times its compressed size "
                    + "(\(inflated) bytes from \(compressedSoFar)); skipped as a likely decompression bomb", emit)
        }
        var rest = output
        if tar == nil && single == nil {
            let take = min(TarHeader.blockSize - head.count, rest.count)
            head.append(contentsOf: rest[0..<take])
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            guard head.count == TarHeader.blockSize else { return }
            try decide(emit)
        }
        if tar != nil {
            try tar!.feed(rest, emit)
        } else {
            try appendSingle(rest, emit)
        }
    }

    /// The end of a cleanly finished gzip stream: emits the single payload, or reports a truncated tar.
    mutating func finish<E: Error>(compressedTotal: Int, _ emit: (ReadEvent) throws(E) -> Void) throws(E) -> String? {
        guard !abandoned else { return nil }
        if tar == nil && single == nil {
            // Under 512 bytes: too short for a tar.
            single = head
        }
        if let tar { return tar.finish() }
        guard let bytes = single, !bytes.isEmpty else { return nil }
        single = nil
        try emit(.member(Member(archive: reject.label, path: nil, bytes: bytes)))
        return nil
    }

    private mutating func decide<E: Error>(_ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        let isTar = head.withUnsafeBytes { TarDecoder.looksLikeTar($0) }
        if isTar {
            tar = TarDecoder(label: reject.label, maxMemberBytes: limits.maxMemberBytes, siftAbove: limits.siftMembersAbove)
            try tar!.feed(head[...], emit)
        } else {
            var bytes: [UInt8] = []
            // ISIZE is a claim (and only modulo 4 GiB): reserve on its word only up to a bounded amount.
            bytes.reserveCapacity(
                max(TarHeader.blockSize, min(sizeHint, limits.maxMemberBytes, ReaderLimits.maxUpfrontReserve)))
            bytes.append(contentsOf: head)
            single = bytes
        }
        head = []
    }

    private mutating func appendSingle<E: Error>(
        _ output: UnsafeRawBufferPointer, _ emit: (ReadEvent) throws(E) -> Void
    ) throws(E) {
        if inflated > limits.maxMemberBytes {
            try abandon(
                "the gzip payload inflates past the \(limits.maxMemberBytes)-byte member limit; skipped", emit)
            return
        }
        single!.append(raw: output)
    }

    private mutating func abandon<E: Error>(_ message: String, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        abandoned = true
        let excerpt = single.map { Array($0.prefix(800)) } ?? []
        single = nil
        try emit(.reject(reject.make(.memberTooLarge, member: nil, message, excerptBytes: excerpt)))
    }
}
