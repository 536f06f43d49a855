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
