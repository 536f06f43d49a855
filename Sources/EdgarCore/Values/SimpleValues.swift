extension Normalize {
    /// `1`/`true` -> true, `0`/`false` -> false, any case; anything else `invalid_boolean`.
    public static func boolean(_ raw: String?) -> Normalized<Bool> {
        guard let text = string(raw) else { return .null }
        if matchesIgnoringASCIICase(text, "1") || matchesIgnoringASCIICase(text, "true") { return .valid(true) }
        if matchesIgnoringASCIICase(text, "0") || matchesIgnoringASCIICase(text, "false") { return .valid(false) }
        return .invalid(.invalidBoolean)
    }

    /// `text` equals the lower-case ASCII word `lower` in any case.
    static func matchesIgnoringASCIICase(_ text: String, _ lower: StaticString) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == lower.utf8CodeUnitCount else { return false }
        return lower.withUTF8Buffer { word in
            zip(utf8, word).allSatisfy { a, b in a == b || (a &+ 0x20 == b && a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z")) }
        }
    }

    /// Up to ten digits, zero-padded to ten; anything else `invalid_cik`.
    public static func cik(_ raw: String?) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        let utf8 = text.utf8
        guard utf8.count <= 10, utf8.allSatisfy(isDigit) else { return .invalid(.invalidCIK) }
        if utf8.count == 10 { return .valid(text) }
        return .valid(String(repeating: "0", count: 10 - utf8.count) + text)
    }

    /// The filed token upper-cased. With a `list`, a token outside it is kept but flagged `unknown_code`.
    public static func code(_ raw: String?, in list: CodeList? = nil) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        let upper = text.utf8.contains(where: { $0 >= UInt8(ascii: "a") }) ? text.uppercased() : text
        guard let list else { return .valid(upper) }
        let utf8 = upper.utf8
        if utf8.count == 1, list.codes.utf8.contains(utf8.first!) { return .valid(upper) }
        return Normalized(value: upper, issue: .unknownCode)
    }

    /// An accession number in dashed form (`0001181431-03-041285`) from the dashed form or its 18 digits; nil for
    /// anything else.
    public static func accessionNumber(_ raw: String?) -> String? {
        guard let text = string(raw) else { return nil }
        let b = Array(text.utf8)
        if b.count == 20 {
            for (i, c) in b.enumerated() where !(i == 10 || i == 13 ? c == UInt8(ascii: "-") : isDigit(c)) {
                return nil
            }
            return text
        }
        guard b.count == 18, b.allSatisfy(isDigit) else { return nil }
        return String(decoding: b[0..<10] + [UInt8(ascii: "-")] + b[10..<12] + [UInt8(ascii: "-")] + b[12..<18], as: UTF8.self)
    }
}

/// The closed code lists of OUTPUT.md.
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
}
