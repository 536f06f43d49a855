import EdgarCore

/// Writes submissions in the two SGML envelope forms EDGAR distributes: the daily-feed
/// `.nc` tag form and the complete-submission `.txt` with its `KEY:\tvalue` header, optionally wrapped in the
/// pre-2008 privacy-enhanced-message (PEM) frame.
public enum EnvelopeRenderer {
    /// A daily-feed `.nc` member: `<SUBMISSION>` with field tags that have no end tag and section tags
    /// that do, then the documents. No `<ACCEPTANCE-DATETIME>` (the feed headers have none).
    public static func nc(
        accession: String, filingDate: String, documents: [EnvelopeDocument], header: SubmissionHeader,
        lineEnding: LineEnding = .lf
    ) -> [UInt8] {
        var s = "<SUBMISSION>\n"
        s += "<ACCESSION-NUMBER>\(accession)\n"
        s += "<TYPE>\(header.type)\n"
        s += "<PUBLIC-DOCUMENT-COUNT>\(documents.count)\n"
        for item in header.items { s += "<ITEMS>\(item)\n" }
        if let period = header.period { s += "<PERIOD>\(period)\n" }
        s += "<FILING-DATE>\(filingDate)\n"
        s += "<DATE-OF-FILING-DATE-CHANGE>\(header.dateOfChange ?? filingDate)\n"
        for entity in header.entities { ncEntity(entity, into: &s) }
        for document in documents { self.document(document, into: &s) }
        s += "</SUBMISSION>\n"
        return applying(lineEnding, to: Array(s.utf8))
    }

    /// A complete-submission `.txt` (`<SEC-DOCUMENT>` … `</SEC-DOCUMENT>`), with `<ACCEPTANCE-DATETIME>`
    /// (`YYYYMMDDhhmmss`). With `pem`, the whole is framed as a privacy-enhanced message and every line of
    /// the body that starts with `-` is dash-escaped to `- -…` (RFC 1421 §4.4).
    public static func completeSubmission(
        accession: String, filingDate: String, documents: [EnvelopeDocument], header: SubmissionHeader,
        acceptance: String, pem: Bool, lineEnding: LineEnding = .lf
    ) -> [UInt8] {
        var s = "<SEC-DOCUMENT>\(accession).txt : \(filingDate)\n"
        s += "<SEC-HEADER>\(accession).hdr.sgml : \(filingDate)\n"
        s += "<ACCEPTANCE-DATETIME>\(acceptance)\n"
        s += "ACCESSION NUMBER:\t\t\(accession)\n"
        s += "CONFORMED SUBMISSION TYPE:\t\(header.type)\n"
        s += "PUBLIC DOCUMENT COUNT:\t\t\(documents.count)\n"
        if let period = header.period { s += "CONFORMED PERIOD OF REPORT:\t\(period)\n" }
        s += "FILED AS OF DATE:\t\t\(filingDate)\n"
        s += "DATE AS OF CHANGE:\t\t\(header.dateOfChange ?? filingDate)\n"
        for item in header.items { s += "ITEM INFORMATION:\t\t\(item)\n" }
        for entity in header.entities { txtEntity(entity, into: &s) }
        s += "</SEC-HEADER>\n"
        for document in documents { self.document(document, into: &s) }
        s += "</SEC-DOCUMENT>\n"
        if pem { s = pemWrapped(s, accession: accession) }
        return applying(lineEnding, to: Array(s.utf8))
    }

    // MARK: - .nc header

    private static func ncEntity(_ e: HeaderEntity, into s: inout String) {
        s += "<\(e.role.tag)>\n"
        let data = e.isOwner ? "OWNER-DATA" : "COMPANY-DATA"
        s += "<\(data)>\n"
        s += "<CONFORMED-NAME>\(e.conformedName)\n"
        s += "<CIK>\(e.cik)\n"
        if let sic = e.sicCode { s += "<ASSIGNED-SIC>\(sic)\n" }
        if let org = e.organizationName { s += org.isEmpty ? "<ORGANIZATION-NAME>\n" : "<ORGANIZATION-NAME>\(org)\n" }
        if let irs = e.irsNumber { s += "<IRS-NUMBER>\(irs)\n" }
        if let state = e.stateOfIncorporation { s += "<STATE-OF-INCORPORATION>\(state)\n" }
        if let fye = e.fiscalYearEnd { s += "<FISCAL-YEAR-END>\(fye)\n" }
        s += "</\(data)>\n"
        if let v = e.filingValues {
            s += "<FILING-VALUES>\n<FORM-TYPE>\(v.formType)\n<ACT>\(v.act)\n<FILE-NUMBER>\(v.fileNumber)\n<FILM-NUMBER>\(v.filmNumber)\n</FILING-VALUES>\n"
        }
        if let a = e.businessAddress { ncAddress("BUSINESS-ADDRESS", a, into: &s) }
        if let a = e.mailAddress { ncAddress("MAIL-ADDRESS", a, into: &s) }
        for former in e.formerNames {
            s += "<FORMER-COMPANY>\n<FORMER-CONFORMED-NAME>\(former.name)\n<DATE-CHANGED>\(former.dateChanged)\n</FORMER-COMPANY>\n"
        }
        s += "</\(e.role.tag)>\n"
    }

    private static func ncAddress(_ tag: String, _ a: HeaderAddress, into s: inout String) {
        s += "<\(tag)>\n<STREET1>\(a.street1)\n"
        if let street2 = a.street2 { s += "<STREET2>\(street2)\n" }
        s += "<CITY>\(a.city)\n<STATE>\(a.state)\n<ZIP>\(a.zip)\n"
        if let phone = a.phone { s += "<PHONE>\(phone)\n" }
        s += "</\(tag)>\n"
    }

    // MARK: - .txt header

    private static func txtEntity(_ e: HeaderEntity, into s: inout String) {
        // Older headers put a trailing TAB after section names (`ISSUER:\t\t`); either is seen.
        s += "\n\(e.role.label):\n\n"
        s += e.isOwner ? "\tOWNER DATA:\n" : "\tCOMPANY DATA:\n"
        s += "\t\tCOMPANY CONFORMED NAME:\t\t\t\(e.conformedName)\n"
        s += "\t\tCENTRAL INDEX KEY:\t\t\t\(e.cik)\n"
        if let sic = e.sicCode {
            s += "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t\(e.sicDescription ?? "UNKNOWN") [\(sic)]\n"
        }
        if let org = e.organizationName { s += org.isEmpty ? "\t\tORGANIZATION NAME:\n" : "\t\tORGANIZATION NAME:           \t\(org)\n" }
        if let irs = e.irsNumber { s += "\t\tIRS NUMBER:\t\t\t\t\(irs)\n" }
        if let state = e.stateOfIncorporation { s += "\t\tSTATE OF INCORPORATION:\t\t\t\(state)\n" }
        if let fye = e.fiscalYearEnd { s += "\t\tFISCAL YEAR END:\t\t\t\(fye)\n" }
        if let v = e.filingValues {
            s += "\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t\(v.formType)\n\t\tSEC ACT:\t\t19\(v.act) Act\n"
            s += "\t\tSEC FILE NUMBER:\t\(v.fileNumber)\n\t\tFILM NUMBER:\t\t\(v.filmNumber)\n"
        }
        if let a = e.businessAddress { txtAddress("BUSINESS ADDRESS", a, into: &s) }
        if let a = e.mailAddress { txtAddress("MAIL ADDRESS", a, into: &s) }
        for former in e.formerNames {
            s += "\n\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\t\(former.name)\n\t\tDATE OF NAME CHANGE:\t\(former.dateChanged)\n"
        }
    }

    private static func txtAddress(_ label: String, _ a: HeaderAddress, into s: inout String) {
        s += "\n\t\(label):\n\t\tSTREET 1:\t\t\(a.street1)\n"
        if let street2 = a.street2 { s += "\t\tSTREET 2:\t\t\(street2)\n" }
        s += "\t\tCITY:\t\t\t\(a.city)\n\t\tSTATE:\t\t\t\(a.state)\n\t\tZIP:\t\t\t\(a.zip)\n"
        if let phone = a.phone { s += "\t\tBUSINESS PHONE:\t\t\(phone)\n" }
    }

    // MARK: - Documents

    private static func document(_ d: EnvelopeDocument, into s: inout String) {
        s += "<DOCUMENT>\n<TYPE>\(d.type)\n<SEQUENCE>\(d.sequence)\n"
        if let filename = d.filename { s += "<FILENAME>\(filename)\n" }
        if let description = d.description { s += "<DESCRIPTION>\(description)\n" }
        s += "<TEXT>\n"
        switch d.body {
        case .xml(let xml):
            s += "<XML>\n"
            s += xml
            if !xml.hasSuffix("\n") { s += "\n" }
            s += "</XML>\n"
        case .text(let text):
            s += text
            if !text.hasSuffix("\n") { s += "\n" }
        case .uuencoded(let bytes):
            s += Uuencode.encode(bytes, name: d.filename ?? "attachment.bin")
        }
        s += "</TEXT>\n</DOCUMENT>\n"
    }

    // MARK: - PEM and line endings

    static func pemWrapped(_ body: String, accession: String) -> String {
        // The MIC-Info signature is opaque base64 to a reader; derive it from the accession so it is stable.
        let digest = SHA256.hexDigest(of: Array(accession.utf8))
        let mic1 = base64(Array(digest.utf8.prefix(48)))
        let mic2 = base64(Array(digest.utf8.suffix(16)))
        var s = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n"
        s += "Proc-Type: 2001,MIC-CLEAR\n"
        s += "Originator-Name: webmaster@www.sec.gov\n"
        s += "Originator-Key-Asymmetric:\n"
        s += " MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n"
        s += " TWSM7vrzLADbmYQaionwg5sDW3P6oaM5D3tdezXMm7z1T+B+twIDAQAB\n"
        s += "MIC-Info: RSA-MD5,RSA,\n \(mic1)\n \(mic2)\n\n"
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("-") { s += "- " }
            s += line
            s += "\n"
        }
        s += "-----END PRIVACY-ENHANCED MESSAGE-----\n"
        return s
    }

    /// Rewrites LF line ends. `.cr` keeps the first line's LF, as the 2025 feed files do.
    static func applying(_ ending: LineEnding, to bytes: [UInt8]) -> [UInt8] {
        switch ending {
        case .lf:
            return bytes
        case .crlf:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 20)
            for b in bytes {
                if b == 0x0A { out.append(0x0D) }
                out.append(b)
            }
            return out
        case .cr:
            var out = bytes
            let first = out.firstIndex(of: 0x0A) ?? out.endIndex
            for i in out.indices where i > first && out[i] == 0x0A { out[i] = 0x0D }
            return out
        }
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i]), b1 = n > 1 ? UInt32(bytes[i + 1]) : 0, b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(v >> 18 & 63)])
            out.append(table[Int(v >> 12 & 63)])
            out.append(n > 1 ? table[Int(v >> 6 & 63)] : 0x3D)
            out.append(n > 2 ? table[Int(v & 63)] : 0x3D)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
