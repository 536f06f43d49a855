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
