/// Where a filing came from: the `source` object of every filings and rejects row.
public struct SourceRef: Sendable, Equatable, Hashable {
    /// The input path as given on the command line (or as found under a folder given on the command line).
    public var archive: String
    /// The path inside a tar or zip; nil for a plain or `.gz` input.
    public var member: String?
    /// The SGML `<SEQUENCE>` of the document, as a string, or nil.
    public var documentSequence: String?

    public init(archive: String, member: String? = nil, documentSequence: String? = nil) {
        self.archive = archive
        self.member = member
        self.documentSequence = documentSequence
    }
}
