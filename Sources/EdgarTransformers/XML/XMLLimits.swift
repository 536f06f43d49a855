/// Limits applied to every document, before and during parsing.
public struct XMLLimits: Sendable, Equatable {
    /// Maximum element nesting; real ownership documents nest 6 deep.
    public var maxDepth: Int = 64
    /// Maximum document size in bytes; real ownership documents are a few KB. The default equals the member
    /// limit's default (contract 1.1: never below it), so a member the reader holds is never refused here alone.
    public var maxDocumentBytes: Int = 64 << 20

    public init(maxDepth: Int = 64, maxDocumentBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
    }
}
