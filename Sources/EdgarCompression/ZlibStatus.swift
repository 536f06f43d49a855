import CEdgarZlib

/// A zlib return code, as a typed value (in the manner of swift-system's `Errno`).
public struct ZlibStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let ok = ZlibStatus(rawValue: Z_OK)
    public static let streamEnd = ZlibStatus(rawValue: Z_STREAM_END)
    public static let needDictionary = ZlibStatus(rawValue: Z_NEED_DICT)
    public static let streamError = ZlibStatus(rawValue: Z_STREAM_ERROR)
    public static let dataError = ZlibStatus(rawValue: Z_DATA_ERROR)
    public static let memoryError = ZlibStatus(rawValue: Z_MEM_ERROR)
    public static let bufferError = ZlibStatus(rawValue: Z_BUF_ERROR)
    public static let versionError = ZlibStatus(rawValue: Z_VERSION_ERROR)

    public var description: String {
        switch self {
        case .ok: "Z_OK"
        case .streamEnd: "Z_STREAM_END"
        case .needDictionary: "Z_NEED_DICT"
        case .streamError: "Z_STREAM_ERROR"
        case .dataError: "Z_DATA_ERROR"
        case .memoryError: "Z_MEM_ERROR"
        case .bufferError: "Z_BUF_ERROR"
        case .versionError: "Z_VERSION_ERROR"
        default: "zlib status \(rawValue)"
        }
    }
}

/// Why inflating failed. Truncation and corruption are distinct: a truncated download may keep what was read
/// whole before the cut, a corrupt stream never does.
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

/// A guard against decompression bombs (as in swift-nio-extras): an absolute size, a ratio of output to
/// input, or both.
public struct DecompressionLimit: Sendable, Equatable {
    public var maxOutputBytes: Int?
    public var maxRatio: Int?

    public init(maxOutputBytes: Int? = nil, maxRatio: Int? = nil) {
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
    }

    public static let none = DecompressionLimit()

    /// Whether `output` bytes from `input` compressed bytes pass the limit. Ratios are only judged once
    /// there is enough output for them to mean anything (1 MiB), so tiny highly-compressible members pass.
    public func allows(output: Int, input: Int) -> Bool {
        if let maxOutputBytes, output > maxOutputBytes { return false }
        if let maxRatio, output > 1 << 20, output / max(input, 1) > maxRatio { return false }
        return true
    }
}
