/// One file's bytes as the reader hands them on: a loose file, a `.gz` payload, or a tar/zip member.
public struct Member: Sendable {
    /// The input path as given.
    public var archive: String
    /// The path inside a tar or zip (a label only, never a path to write to); nil for plain and `.gz` inputs.
    public var path: String?
    public var bytes: [UInt8]

    public init(archive: String, path: String?, bytes: [UInt8]) {
        self.archive = archive
        self.path = path
        self.bytes = bytes
    }

    /// The name used to guess what the member is: the member path, else the archive's file name.
    public var name: String { path ?? archive }
}

/// An ownership document picked out of a member by the extractor, ready for the transformer.
public struct ExtractedDocument: Sendable {
    public var source: SourceRef
    /// Which layout the extractor recognised.
    public var layout: Layout
    public var envelope: Envelope?
    /// The SGML `<TYPE>` of the document, when it came from an envelope.
    public var documentType: String?
    /// The document's bytes: for an envelope, strictly between `<XML>` and `</XML>` when there is an XML
    /// wrapper, else strictly between `<TEXT>` and `</TEXT>` (PEM dash-escaping undone); for a loose file, the
    /// file as stored. `filing_id` falls back to a hash of exactly these bytes.
    public var body: [UInt8]
    /// The accession number found in the member path or file name, when the envelope has none.
    public var accessionFromName: String?

    public init(
        source: SourceRef, layout: Layout, envelope: Envelope?, documentType: String?, body: [UInt8],
        accessionFromName: String? = nil
    ) {
        self.source = source
        self.layout = layout
        self.envelope = envelope
        self.documentType = documentType
        self.body = body
        self.accessionFromName = accessionFromName
    }
}
