/// A pipeline file that cannot be used, located to the line and column, so the message reads like a
/// compiler's: `pipelines/nightly.yaml:12:3: limits.max_member_byts: unknown key; did you mean max_member_bytes?`
public struct PipelineFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based; 0 when the problem has no place in the text (an unreadable file).
    public var line: Int
    public var column: Int
    /// Dotted path of the offending key (`limits.max_member_bytes`, `inputs[2]`); empty for the whole file.
    public var keyPath: String
    public var message: String
    /// How to fix it, when we can tell (`did you mean max_member_bytes?`).
    public var suggestion: String?

    public init(file: String, line: Int, column: Int, keyPath: String, message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = file
        if line > 0 { text += ":\(line):\(column)" }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        text += message
        if let suggestion { text += "; " + suggestion }
        return text
    }
}
