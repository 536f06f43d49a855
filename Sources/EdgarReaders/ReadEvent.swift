import EdgarCore

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
