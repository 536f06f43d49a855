import EdgarCore

/// The six ownership submission types, as the generator names them: EdgarCore's `FormType`.
public typealias FormKind = FormType

extension FormType {
    /// The `<documentType>` / SGML `<TYPE>` spelling.
    public var documentType: String { rawValue }

    /// 3, 4 or 5.
    public var baseNumber: Int {
        switch self {
        case .form3, .form3A: 3
        case .form4, .form4A: 4
        case .form5, .form5A: 5
        }
    }
}
