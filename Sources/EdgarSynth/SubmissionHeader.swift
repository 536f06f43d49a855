/// What the SGML envelope of a submission says, independent of how it is written (`.nc` tags or the
/// `KEY:\tvalue` lines of a complete-submission `.txt`). Values are as filed: bare `&` stays bare.
public struct SubmissionHeader: Sendable, Equatable {
    /// `<TYPE>` / `CONFORMED SUBMISSION TYPE` (`4`, `4/A`, `8-K`, `13F-HR`, …).
    public var type: String
    /// `YYYYMMDD`, or nil for forms without a period.
    public var period: String?
    /// `DATE-OF-FILING-DATE-CHANGE`; the filing date when nil.
    public var dateOfChange: String?
    /// `ITEMS` lines of an 8-K (`<ITEMS>5.02`).
    public var items: [String]
    /// The parties in the order they are written (REPORTING-OWNER before ISSUER since 2008; the reverse before).
    public var entities: [HeaderEntity]

    public init(type: String, period: String?, dateOfChange: String? = nil, items: [String] = [], entities: [HeaderEntity]) {
        self.type = type
        self.period = period
        self.dateOfChange = dateOfChange
        self.items = items
        self.entities = entities
    }
}

/// One party of the header: a reporting owner, an issuer, a filer, a subject company, …
public struct HeaderEntity: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case reportingOwner, issuer, filer, subjectCompany, filedBy

        /// The `.nc` section tag.
        var tag: String {
            switch self {
            case .reportingOwner: "REPORTING-OWNER"
            case .issuer: "ISSUER"
            case .filer: "FILER"
            case .subjectCompany: "SUBJECT-COMPANY"
            case .filedBy: "FILED-BY"
            }
        }

        /// The `.txt` section name.
        var label: String {
            switch self {
            case .reportingOwner: "REPORTING-OWNER"
            case .issuer: "ISSUER"
            case .filer: "FILER"
            case .subjectCompany: "SUBJECT COMPANY"
            case .filedBy: "FILED BY"
            }
        }
    }

    public var role: Role
    public var conformedName: String
    /// 10 digits, zero-padded.
    public var cik: String
    /// Empty string gives the bare `<ORGANIZATION-NAME>` tag real owners carry; nil leaves it out.
    public var organizationName: String?
    public var sicCode: String?
    public var sicDescription: String?
    public var irsNumber: String?
    public var stateOfIncorporation: String?
    public var fiscalYearEnd: String?
    /// FILING-VALUES: present for owners and filers.
    public var filingValues: FilingValues?
    public var businessAddress: HeaderAddress?
    public var mailAddress: HeaderAddress?
    public var formerNames: [FormerName]

    public init(role: Role, conformedName: String, cik: String) {
        self.role = role
        self.conformedName = conformedName
        self.cik = cik
        self.formerNames = []
    }

    /// People and funds that report holdings have OWNER-DATA; companies have COMPANY-DATA.
    var isOwner: Bool { role == .reportingOwner }
}

public struct FilingValues: Sendable, Equatable {
    public var formType: String
    public var act: String
    public var fileNumber: String
    public var filmNumber: String

    public init(formType: String, act: String = "34", fileNumber: String, filmNumber: String) {
        self.formType = formType
        self.act = act
        self.fileNumber = fileNumber
        self.filmNumber = filmNumber
    }
}

public struct HeaderAddress: Sendable, Equatable {
    public var street1: String
    public var street2: String?
    public var city: String
    public var state: String
    public var zip: String
    public var phone: String?

    public init(street1: String, street2: String? = nil, city: String, state: String, zip: String, phone: String? = nil) {
        self.street1 = street1
        self.street2 = street2
        self.city = city
        self.state = state
        self.zip = zip
        self.phone = phone
    }
}

public struct FormerName: Sendable, Equatable {
    public var name: String
    /// `YYYYMMDD`.
    public var dateChanged: String

    public init(name: String, dateChanged: String) {
        self.name = name
        self.dateChanged = dateChanged
    }
}

/// One `<DOCUMENT>` of a submission.
public struct EnvelopeDocument: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        /// Wrapped as `<TEXT>\n<XML>\n…</XML>\n</TEXT>`.
        case xml(String)
        /// Plain `<TEXT>` content (text layout, HTML exhibits, ASCII exhibits).
        case text(String)
        /// A binary attachment, uuencoded inside `<TEXT>` (`begin 644 name` … `end`).
        case uuencoded([UInt8])
    }

    public var type: String
    public var sequence: Int
    /// Early filings have no `<FILENAME>`.
    public var filename: String?
    public var description: String?
    public var body: Body

    public init(type: String, sequence: Int, filename: String?, description: String?, body: Body) {
        self.type = type
        self.sequence = sequence
        self.filename = filename
        self.description = description
        self.body = body
    }
}

/// How a member's lines end. Real `.nc` files from 2025 are `<SUBMISSION>\n` then bare CR everywhere.
public enum LineEnding: Sendable, Equatable, CaseIterable {
    case lf, crlf, cr
}
