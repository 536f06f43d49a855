import EdgarCore

/// The six ownership submission types.
public enum FormKind: Sendable, CaseIterable, Hashable {
    case form3, form3A, form4, form4A, form5, form5A

    /// The `<documentType>` / SGML `<TYPE>` spelling.
    public var documentType: String {
        switch self {
        case .form3: "3"
        case .form3A: "3/A"
        case .form4: "4"
        case .form4A: "4/A"
        case .form5: "5"
        case .form5A: "5/A"
        }
    }

    public var isAmendment: Bool { self == .form3A || self == .form4A || self == .form5A }

    /// 3, 4 or 5.
    public var baseNumber: Int {
        switch self {
        case .form3, .form3A: 3
        case .form4, .form4A: 4
        case .form5, .form5A: 5
        }
    }
}
