import SystemPackage

/// A failed or refused file-system call: which call, on which path, and the errno as swift-system's `Errno`.
/// The one error type of the file layer, for the readers (inputs) and the writers (OUT) alike.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    /// The path as the user knows it (for calls relative to OUT, the path below OUT).
    public var path: String
    public var errno: Errno
    /// Our own reason, when the refusal is not a failed system call (a FIFO where a file should be, a file on
    /// a pseudo-filesystem); `errno` is then the nearest code, for callers that sort errors by it.
    public var explanation: String?

    public init(operation: String, path: String, errno: Errno, explanation: String? = nil) {
        self.operation = operation
        self.path = path
        self.errno = errno
        self.explanation = explanation
    }

    /// The `strerror` text, or our own reason.
    public var reason: String { explanation ?? errno.description }

    public var description: String { "\(operation) \(path): \(reason)" }

    /// Retrying the same command cannot succeed: a read-only file system, a name or path too long, a path
    /// that is not a folder or is a link where none is allowed. The command line exits 73 for these and 75
    /// (try again later) for the rest, such as ENOSPC, EDQUOT, EACCES, EFBIG and EIO.
    public var isPermanent: Bool {
        [
            .readOnlyFileSystem, .fileNameTooLong, .notDirectory, .isDirectory, .tooManySymbolicLinkLevels,
            .invalidArgument, .improperLink, .tooManyLinks, .fileExists,
        ].contains(errno)
    }
}
