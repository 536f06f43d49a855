import EdgarCore

/// Bounds that keep the reader's memory flat whatever the input claims.
public struct ReaderLimits: Sendable, Equatable {
    /// A member larger than this is rejected `member_too_large` and skipped without being held in memory.
    public var maxMemberBytes: Int
    /// Inflated / compressed size above which a zip entry or a single-payload `.gz` (one member, `x.xml.gz`) is
    /// rejected `member_too_large`. A tar inside a gzip is judged member by member against `maxMemberBytes`
    /// instead, so that a bomb member is skipped and the members after it still come out.
    public var maxCompressionRatio: Int
    /// The most bytes one input may inflate to (gzip payload, or zip entries added up) before it is given up.
    /// This bounds the time spent streaming through skipped bomb members, not memory (skipped bytes are never
    /// held). The default, 1 TiB, is far above any real feed: a daily EDGAR feed inflates to tens of GB, a
    /// quarterly one to a few hundred; inflating 1 TiB of zeros takes on the order of ten minutes on one core.
    public var maxInflatedBytesPerInput: Int

    /// Tar members larger than this are sifted as they stream past: a submission whose `<TYPE>` is not a Form 3,
    /// 4 or 5 keeps only its header and the documents that may be ownership documents, so a 50 MB 10-K is never
    /// held. The default, 1 MiB, is far above an ownership filing (a few KB) and leaves small members alone.
    public var siftMembersAbove = 1 << 20

    /// A declared size (tar header, zip directory, gzip ISIZE) is a claim, not bytes in hand: at most this much
    /// is reserved on its word; past it, buffers grow as the bytes arrive.
    public static let maxUpfrontReserve = 8 << 20

    public init(maxMemberBytes: Int = 64 << 20, maxCompressionRatio: Int = 1000, maxInflatedBytesPerInput: Int = 1 << 40) {
        self.maxMemberBytes = maxMemberBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxInflatedBytesPerInput = maxInflatedBytesPerInput
    }
}

/// What the reader hands on, in file order.
public enum ReadEvent: Sendable {
    /// A member read whole.
    case member(Member)
    /// A member-level problem (stage `.read`); the source goes on.
    case reject(Reject)
}

/// A problem that damages the whole source (truncated download, corrupt gzip, unreadable path).
public struct SourceFailure: Sendable, Error, Equatable {
    public var reject: Reject
    /// True when the members read whole before the damage may be kept (`--on-truncated keep`).
    public var keepable: Bool

    public init(reject: Reject, keepable: Bool) {
        self.reject = reject
        self.keepable = keepable
    }
}

/// How reading one source went.
public struct ReadSummary: Sendable, Equatable {
    /// Size of the input file in bytes.
    public var bytesRead: Int
    /// Hex SHA-256 of the input file's bytes as stored (empty when the file could not be read at all).
    public var sha256: String
    /// Members emitted.
    public var members: Int
    /// nil when the source was read to its end cleanly.
    public var failure: SourceFailure?

    public init(bytesRead: Int, sha256: String, members: Int, failure: SourceFailure?) {
        self.bytesRead = bytesRead
        self.sha256 = sha256
        self.members = members
        self.failure = failure
    }
}

/// Builds the read-stage rejects of one source, so every reject names the archive the same way.
struct RejectMaker {
    let label: String

    func make(_ code: RejectCode, member: String?, _ message: String, excerpt: UnsafeRawBufferPointer? = nil) -> Reject {
        Reject(
            source: SourceRef(archive: label, member: member), stage: .read, code: code, message: message,
            excerpt: excerpt.flatMap { $0.isEmpty ? nil : Reject.excerpt(of: $0) })
    }

    func make(_ code: RejectCode, member: String?, _ message: String, excerptBytes: [UInt8]) -> Reject {
        Reject(
            source: SourceRef(archive: label, member: member), stage: .read, code: code, message: message,
            excerpt: excerptBytes.isEmpty ? nil : Reject.excerpt(of: excerptBytes))
    }

    func failure(_ code: RejectCode, keepable: Bool, _ message: String) -> SourceFailure {
        SourceFailure(reject: make(code, member: nil, message), keepable: keepable)
    }
}

/// Member names are labels only: kept as read, with NUL and invalid UTF-8 bytes shown as U+FFFD.
enum MemberName {
    static func label<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // 0xFF is never valid UTF-8, so mapping NUL to it makes the decoder substitute U+FFFD.
        if !bytes.contains(0) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 == 0 ? 0xFF : $0 }, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends raw bytes with one `memcpy`-style copy (the typed buffer takes the contiguous fast path).
    @inline(__always)
    mutating func append(raw bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }
}
