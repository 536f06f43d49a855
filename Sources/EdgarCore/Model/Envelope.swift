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
