/// The closed code lists of docs/TABLES.md.
public enum CodeList: Sendable, CaseIterable {
    case transactionCode
    case acquiredDisposed
    case directIndirect
    case timeliness

    /// The allowed one-letter codes.
    public var codes: String {
        switch self {
        case .transactionCode: "ACDEFGHIJLMOPSUWXZ"
        case .acquiredDisposed: "AD"
        case .directIndirect: "DI"
        case .timeliness: "EL"
        }
    }

    /// Whether the one-byte code `byte` is in the list (the same set as `codes`, without building a string).
    func contains(_ byte: UInt8) -> Bool {
        switch self {
        case .transactionCode:
            switch byte {
            case UInt8(ascii: "A"), UInt8(ascii: "C"), UInt8(ascii: "D"), UInt8(ascii: "E"), UInt8(ascii: "F"),
                UInt8(ascii: "G"), UInt8(ascii: "H"), UInt8(ascii: "I"), UInt8(ascii: "J"), UInt8(ascii: "L"),
                UInt8(ascii: "M"), UInt8(ascii: "O"), UInt8(ascii: "P"), UInt8(ascii: "S"), UInt8(ascii: "U"),
                UInt8(ascii: "W"), UInt8(ascii: "X"), UInt8(ascii: "Z"):
                true
            default: false
            }
        case .acquiredDisposed: byte == UInt8(ascii: "A") || byte == UInt8(ascii: "D")
        case .directIndirect: byte == UInt8(ascii: "D") || byte == UInt8(ascii: "I")
        case .timeliness: byte == UInt8(ascii: "E") || byte == UInt8(ascii: "L")
        }
    }
}
