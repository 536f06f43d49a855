import EdgarCore

/// One `<DOCUMENT>` of a submission, as byte ranges into the (unwrapped) member.
struct ScannedDocument {
    var type: String?
    var sequence: String?
    /// Strictly between `<XML>` and `</XML>` when the text holds an XML wrapper, else strictly between `<TEXT>`
    /// and `</TEXT>`; nil when the document is broken (see `problem`).
    var body: Range<Int>?
    /// Why the document has no body: no `<TEXT>`, `<TEXT>` or `<XML>` never closed.
    var problem: String?
}

struct ScannedSubmission {
    var envelope: Envelope
    var documents: [ScannedDocument]
}

/// Splits an SGML submission (`.nc` tag form, complete-submission `.txt`, `<IMS-DOCUMENT>`, header fragments)
/// into its header fields and documents. Pure byte scanning, forward only: linear in the member whatever it holds.
enum SubmissionScanner {
    /// First bytes (after whitespace) that mark a member as an SGML envelope rather than a loose file.
    static let envelopeStarts: [BytePattern] = [
        "<SUBMISSION>", "<SEC-DOCUMENT>", "<SEC-HEADER>", "<IMS-DOCUMENT>", "<IMS-HEADER>", "<DOCUMENT>",
        "<ACCEPTANCE-DATETIME>", "<ACCESSION-NUMBER>", "<PRIVATE-TO-PUBLIC>",
    ].map { BytePattern($0) }

    static func isEnvelope(_ scan: ByteScan, at start: Int) -> Bool {
        envelopeStarts.contains { scan.hasPrefix($0, at: start) }
    }

    static func scan(_ scan: ByteScan) -> ScannedSubmission {
        let firstDocument = scan.find(Tag.document, from: 0)
        let envelope = EnvelopeHeader.parse(scan, 0..<(firstDocument ?? scan.count))
        var documents: [ScannedDocument] = []
        var next = firstDocument
        while let start = next {
            let (document, resume) = scanDocument(scan, contentStart: start + Tag.document.count)
            documents.append(document)
            guard let resume else { break }
            next = scan.find(Tag.document, from: resume)
        }
        return ScannedSubmission(envelope: envelope, documents: documents)
    }

    /// Reads one document whose `<DOCUMENT>` tag ends at `contentStart`. Returns where to look for the next
    /// document, or nil when the rest of the member cannot be trusted (a section never closed).
    private static func scanDocument(_ scan: ByteScan, contentStart: Int) -> (ScannedDocument, Int?) {
        var document = ScannedDocument()
        var lineStart = contentStart
        // Per-document tag lines, up to <TEXT>. A line holding another <DOCUMENT> or </DOCUMENT> ends a document
        // that has no text.
        while lineStart < scan.count {
            let lineEnd = scan.lineEnd(from: lineStart)
            let line = scan.trimmed(lineStart, lineEnd)
            let at = line.lowerBound
            if scan.hasPrefix(Tag.text, at: at) {
                return scanText(scan, from: at + Tag.text.count, into: document)
            } else if scan.hasPrefix(Tag.document, at: at) || scan.hasPrefix(Tag.documentEnd, at: at) {
                document.problem = "<DOCUMENT> has no <TEXT>"
                return (document, at)
            } else if scan.hasPrefix(Tag.type, at: at) {
                document.type = value(scan, after: Tag.type, in: line)
            } else if scan.hasPrefix(Tag.sequence, at: at) {
                document.sequence = value(scan, after: Tag.sequence, in: line)
            }
            lineStart = scan.nextLineStart(afterLineEnd: lineEnd)
        }
        document.problem = "<DOCUMENT> has no <TEXT>"
        return (document, nil)
    }

    private static func scanText(_ scan: ByteScan, from textStart: Int, into document: ScannedDocument)
        -> (ScannedDocument, Int?)
    {
        var document = document
        let first = scan.skipWhitespace(from: textStart)
        if scan.hasPrefix(Tag.xml, at: first) {
            let bodyStart = first + Tag.xml.count
            guard let xmlEnd = scan.find(Tag.xmlEnd, from: bodyStart) else {
                document.problem = "<XML> is never closed by </XML>"
                return (document, nil)
            }
            guard let textEnd = scan.find(Tag.textEnd, from: xmlEnd + Tag.xmlEnd.count) else {
                document.problem = "<TEXT> is never closed by </TEXT>"
                return (document, nil)
            }
            document.body = bodyStart..<xmlEnd
            return (document, textEnd + Tag.textEnd.count)
        }
        guard let textEnd = scan.find(Tag.textEnd, from: textStart) else {
            document.problem = "<TEXT> is never closed by </TEXT>"
            return (document, nil)
        }
        document.body = textStart..<textEnd
        return (document, textEnd + Tag.textEnd.count)
    }

    private static func value(_ scan: ByteScan, after tag: BytePattern, in line: Range<Int>) -> String? {
        let range = scan.trimmed(line.lowerBound + tag.count, line.upperBound)
        return range.isEmpty ? nil : scan.string(range)
    }

    private enum Tag {
        static let document = BytePattern("<DOCUMENT>")
        static let documentEnd = BytePattern("</DOCUMENT>")
        static let type = BytePattern("<TYPE>")
        static let sequence = BytePattern("<SEQUENCE>")
        static let text = BytePattern("<TEXT>")
        static let textEnd = BytePattern("</TEXT>")
        static let xml = BytePattern("<XML>")
        static let xmlEnd = BytePattern("</XML>")
    }
}
