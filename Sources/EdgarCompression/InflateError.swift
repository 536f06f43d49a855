/// Why inflating failed. Truncation and corruption are distinct: a truncated download may keep what was read
/// whole before the cut, a corrupt stream never does. The compressors (`Deflater`, `GzipMemberCompressor`) throw
/// it too, always as `.internalFailure`.
public struct InflateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input ended inside a compressed stream.
        case truncated
        /// zlib refused the data (bad header, bad block, bad distance …).
        case corrupt
        /// The gzip trailer's CRC-32 or length does not match the data.
        case checksumMismatch
        /// The output passed the configured size or ratio limit.
        case limitExceeded
        /// zlib could not be initialised (memory, version).
        case internalFailure
    }

    public var kind: Kind
    public var status: ZlibStatus?
    public var message: String

    public init(_ kind: Kind, status: ZlibStatus? = nil, message: String) {
        self.kind = kind
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
