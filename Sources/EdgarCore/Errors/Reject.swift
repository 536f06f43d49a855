/// The pipeline stage that refused an input.
public enum RejectStage: String, Sendable, Equatable {
    case read
    case extract
    case transform
}

/// The closed vocabulary of reject reasons (docs/TABLES.md, "Reject codes").
public enum RejectCode: String, Sendable, Equatable, CaseIterable, Comparable {
    case unreadableInput = "unreadable_input"
    case emptyInput = "empty_input"
    case corruptGzip = "corrupt_gzip"
    case truncatedArchive = "truncated_archive"
    case corruptArchive = "corrupt_archive"
    case unsupportedArchive = "unsupported_archive"
    case memberTooLarge = "member_too_large"
    case malformedXML = "malformed_xml"
    case unsafeXML = "unsafe_xml"
    case unrecognizedLayout = "unrecognized_layout"
    case notOwnershipForm = "not_ownership_form"
    case missingRequiredField = "missing_required_field"
    /// (1.1) A filing whose `filing_id` already came out of the same input; the first copy is kept.
    case duplicateFiling = "duplicate_filing"

    public static func < (a: RejectCode, b: RejectCode) -> Bool { a.rawValue < b.rawValue }
}

extension RejectCode {
    /// What the code means, as docs/TABLES.md lists it (`edgar-etl schema --format markdown`).
    public var meaning: String {
        switch self {
        case .unreadableInput:
            "the input path does not exist or cannot be read"
        case .emptyInput:
            "an empty file, an archive with no members, or a zero-byte member"
        case .corruptGzip:
            "a gzip stream that fails to inflate, or whose CRC or length does not match"
        case .truncatedArchive:
            "the input ends inside a gzip stream, tar or zip structure"
        case .corruptArchive:
            "a damaged tar header or zip record (reading resumes where it can)"
        case .unsupportedArchive:
            "an encrypted zip member or a compression method not read"
        case .memberTooLarge:
            "a member above the member limit (64 MiB by default) or the decompression-ratio limit, or a document above the document limit"
        case .malformedXML:
            "libxml2 refused the document (its message and line are in `message`)"
        case .unsafeXML:
            "a DTD, entity declaration or external reference; nothing is expanded or fetched"
        case .unrecognizedLayout:
            "an ownership document that is neither XML, the text layout nor the HTML view"
        case .notOwnershipForm:
            "an input handed over as an ownership document (a loose file, a `<TYPE>4` document) that is not one"
        case .missingRequiredField:
            "a document without what makes it a filing (no issuer, no form type)"
        case .duplicateFiling:
            "(1.1) a filing whose `filing_id` already appeared in the same input; the first is kept"
        }
    }
}

/// A bad input, explained: it becomes one row of the rejects table. Rejects are data, not errors.
public struct Reject: Sendable, Equatable {
    public var source: SourceRef
    public var filingID: String?
    public var stage: RejectStage
    public var code: RejectCode
    public var message: String
    /// At most the first 200 characters of the offending input (invalid UTF-8 replaced by U+FFFD).
    public var excerpt: String?

    public init(
        source: SourceRef, filingID: String? = nil, stage: RejectStage, code: RejectCode, message: String,
        excerpt: String? = nil
    ) {
        self.source = source
        self.filingID = filingID
        self.stage = stage
        self.code = code
        self.message = message
        self.excerpt = excerpt
    }

    /// The excerpt rule of the contract: the first 200 characters, decoded as UTF-8 with U+FFFD for bad bytes.
    public static func excerpt<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        // 200 characters need at most 800 bytes of UTF-8.
        let head = Array(bytes.prefix(800))
        return String(String(decoding: head, as: UTF8.self).prefix(200))
    }
}

/// An error thrown by a transformer for a document that cannot become rows; the pipeline turns it into a reject.
public struct DocumentRejection: Error, Sendable, Equatable {
    public var code: RejectCode
    public var message: String

    public init(_ code: RejectCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
