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
