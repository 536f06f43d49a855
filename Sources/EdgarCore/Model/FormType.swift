/// The ownership forms: Forms 3, 4 and 5 and their amendments, spelt as filed (`<documentType>`, the SGML
/// `<TYPE>`) and as written to `form_type`. Every list of them in the tree is this one.
public enum FormType: String, Sendable, CaseIterable, Hashable {
    case form3 = "3", form3A = "3/A", form4 = "4", form4A = "4/A", form5 = "5", form5A = "5/A"

    /// The spellings in `allCases` order: `3`, `3/A`, `4`, `4/A`, `5`, `5/A`.
    public static let spellings: [String] = allCases.map(\.rawValue)

    public var isAmendment: Bool { self == .form3A || self == .form4A || self == .form5A }

    /// Whether `bytes[lo..<hi]`, already trimmed, spells an ownership form in any case: `3`, `4` or `5`, optionally
    /// followed by `/A`. Read on the UTF-8 bytes: no non-ASCII character upper-cases to these ASCII forms.
    public static func isOwnership(_ bytes: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> Bool {
        guard hi - lo == 1 || hi - lo == 3, (UInt8(ascii: "3")...UInt8(ascii: "5")).contains(bytes[lo]) else { return false }
        return hi - lo == 1 || (bytes[lo + 1] == UInt8(ascii: "/") && bytes[lo + 2] | 0x20 == UInt8(ascii: "a"))
    }
}
