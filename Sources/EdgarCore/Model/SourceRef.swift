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

/// What the SGML envelope says about a submission. Everything is as filed (dates `YYYYMMDD`, acceptance
/// `YYYYMMDDhhmmss`); normalisation happens when rows are encoded.
public struct Envelope: Sendable, Equatable {
    public var accessionNumber: String?
    /// `CONFORMED SUBMISSION TYPE` / `<TYPE>` of the submission.
    public var submissionType: String?
    public var filingDate: String?
    public var acceptanceDatetime: String?
    public var period: String?

    public init(
        accessionNumber: String? = nil, submissionType: String? = nil, filingDate: String? = nil,
        acceptanceDatetime: String? = nil, period: String? = nil
    ) {
        self.accessionNumber = accessionNumber
        self.submissionType = submissionType
        self.filingDate = filingDate
        self.acceptanceDatetime = acceptanceDatetime
        self.period = period
    }
}
