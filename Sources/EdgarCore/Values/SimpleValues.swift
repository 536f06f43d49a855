extension Normalize {
    /// `1`/`true` -> true, `0`/`false` -> false, any case; anything else `invalid_boolean`.
    public static func boolean(_ raw: String?) -> Normalized<Bool> {
        guard let text = string(raw) else { return .null }
        return withUTF8(text) { b in
            if matchesIgnoringASCIICase(b, "1") || matchesIgnoringASCIICase(b, "true") { return .valid(true) }
            if matchesIgnoringASCIICase(b, "0") || matchesIgnoringASCIICase(b, "false") { return .valid(false) }
            return .invalid(.invalidBoolean)
        }
    }

    /// `text` equals the lower-case ASCII word `lower` in any case.
    static func matchesIgnoringASCIICase(_ text: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard text.count == lower.utf8CodeUnitCount else { return false }
        let word = lower.utf8Start
        for i in 0..<text.count {
            let a = text[i]
            let b = word[i]
            guard a == b || (a &+ 0x20 == b && a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z")) else { return false }
        }
        return true
    }

    /// Up to ten digits, zero-padded to ten; anything else `invalid_cik`.
    public static func cik(_ raw: String?) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        return withUTF8(text) { b in
            guard b.count <= 10, b.allSatisfy(\.isASCIIDigit) else { return .invalid(.invalidCIK) }
            if b.count == 10 { return .valid(text) }
            // Ten bytes or fewer: a small string, built without allocating.
            let padded = String(unsafeUninitializedCapacity: 10) { out in
                let zeros = 10 - b.count
                out.initialize(repeating: UInt8(ascii: "0"))
                _ = UnsafeMutableBufferPointer(rebasing: out[zeros...]).initialize(from: b)
                return 10
            }
            return .valid(padded)
        }
    }

    /// The filed token upper-cased. With a `list`, a token outside it is kept but flagged `unknown_code`.
    public static func code(_ raw: String?, in list: CodeList? = nil) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        let upper = withUTF8(text) { $0.contains(where: { $0 >= UInt8(ascii: "a") }) } ? text.uppercased() : text
        guard let list else { return .valid(upper) }
        let known = withUTF8(upper) { b in b.count == 1 && list.contains(b[0]) }
        return known ? .valid(upper) : Normalized(value: upper, issue: .unknownCode)
    }

    /// An accession number in dashed form (`0001181431-03-041285`) from the dashed form or its 18 digits; nil for
    /// anything else.
    public static func accessionNumber(_ raw: String?) -> String? {
        guard let text = string(raw) else { return nil }
        return withUTF8(text) { b in
            if b.count == 20 {
                for i in 0..<20 where !(i == 10 || i == 13 ? b[i] == UInt8(ascii: "-") : b[i].isASCIIDigit) {
                    return nil
                }
                return text
            }
            guard b.count == 18, b.allSatisfy(\.isASCIIDigit) else { return nil }
            return String(unsafeUninitializedCapacity: 20) { out in
                var o = 0
                for i in 0..<18 {
                    if i == 10 || i == 12 {
                        out[o] = UInt8(ascii: "-")
                        o += 1
                    }
                    out[o] = b[i]
                    o += 1
                }
                return o
            }
        }
    }
}
