import EdgarCore

/// What the extractor makes of one member.
public enum ExtractEvent: Sendable {
    /// An ownership document with its layout recognised.
    case document(ExtractedDocument)
    /// A submission of another form type (8-K, 13F-HR, D, …): counted per form type, not a reject.
    case skipped(formType: String)
    /// Stage `.extract`.
    case reject(Reject)
}

/// Stage 2: turns one member (a loose file, a `.nc` feed member, a complete-submission `.txt`, PEM-wrapped or
/// not) into the ownership documents it holds.
///
/// The envelope is scanned as bytes, never parsed as XML (its values carry bare `&`). A member whose first
/// significant bytes are an envelope tag or a PEM boundary is a submission; anything else is a loose file.
public struct SubmissionExtractor: Sendable {
    public init() {}

    public func extract(_ member: Member) -> [ExtractEvent] {
        member.bytes.withUnsafeBufferPointer { buffer in
            let scan = ByteScan(buffer)
            let start = scan.skipWhitespace(from: 0)
            if PrivacyEnhancedMessage.isWrapped(scan, at: start) {
                let unwrapped = PrivacyEnhancedMessage.unescaped(scan)
                return unwrapped.withUnsafeBufferPointer { extractSubmission(member, ByteScan($0)) }
            }
            if SubmissionScanner.isEnvelope(scan, at: start) { return extractSubmission(member, scan) }
            return [extractLoose(member, scan)]
        }
    }

    // MARK: Loose files

    private func extractLoose(_ member: Member, _ scan: ByteScan) -> ExtractEvent {
        let source = SourceRef(archive: member.archive, member: member.path)
        let layout: Layout
        switch LayoutSniffer.classify(scan, 0..<scan.count) {
        case .ownershipXML, .xmlWithoutRoot: layout = .xml
        case .textLayout: layout = .text
        case .htmlView: layout = .html
        case .otherXML(let root):
            return reject(member, source, .notOwnershipForm, "XML with root element <\(root)>, not ownershipDocument",
                excerptOf: scan.bytes[...])
        case .other:
            let start = scan.skipWhitespace(from: 0)
            let root = start < scan.count && scan[start] == .lessThan
                ? LayoutSniffer.rootElementName(scan, from: start, end: scan.count) : nil
            let what = root.map { "markup with root element <\($0)>" } ?? "content"
            return reject(member, source, .notOwnershipForm,
                "\(what) is neither ownership XML, the text layout nor the HTML view of a Form 3, 4 or 5", excerptOf: scan.bytes[...])
        }
        return .document(
            ExtractedDocument(
                source: source, layout: layout, envelope: nil, documentType: nil, body: member.bytes,
                accessionFromName: AccessionNumber.fromName(of: member)))
    }

    // MARK: Submissions

    private func extractSubmission(_ member: Member, _ scan: ByteScan) -> [ExtractEvent] {
        let submission = SubmissionScanner.scan(scan)
        let envelope = submission.envelope
        let accession = envelope.accessionNumber.flatMap(AccessionNumber.normalized)
        // The member's name is read only when the envelope has no usable accession number of its own.
        let fromName = accession == nil ? AccessionNumber.fromName(of: member) : nil
        let filingID = accession ?? fromName
        var events: [ExtractEvent] = []
        for document in submission.documents {
            if let event = ownershipEvent(document, member, scan, envelope, filingID, fromName) {
                events.append(event)
            }
        }
        if !events.isEmpty { return events }

        let submissionType = envelope.submissionType
        if let type = submissionType, FormType.isOwnership(type) {
            let source = SourceRef(archive: member.archive, member: member.path)
            let why =
                submission.documents.isEmpty
                ? "submission of type \(type) has no <DOCUMENT>"
                : submission.documents.compactMap(\.problem).first.map { "submission of type \(type): \($0)" }
                    ?? "submission of type \(type) holds no Form 3, 4 or 5 document"
            return [reject(member, source, .missingRequiredField, why, filingID: filingID, excerptOf: scan.bytes[...])]
        }
        return [.skipped(formType: submissionType ?? "UNKNOWN")]
    }

    /// The event for one document if it is an ownership document (by `<TYPE>` or by its root element), else nil.
    private func ownershipEvent(
        _ document: ScannedDocument, _ member: Member, _ scan: ByteScan, _ envelope: Envelope, _ filingID: String?,
        _ fromName: String?
    ) -> ExtractEvent? {
        let typed = document.type.map(FormType.isOwnership) ?? false
        let source = SourceRef(archive: member.archive, member: member.path, documentSequence: document.sequence)
        guard let body = document.body else {
            guard typed else { return nil }
            return reject(member, source, .missingRequiredField,
                "Form \(document.type ?? "") document is broken: \(document.problem ?? "no body")",
                filingID: filingID, excerptOf: scan.bytes[...])
        }
        let layout: Layout
        if typed {
            switch LayoutSniffer.classify(scan, body) {
            case .ownershipXML, .xmlWithoutRoot: layout = .xml
            case .textLayout: layout = .text
            case .htmlView: layout = .html
            case .otherXML(let root):
                return reject(member, source, .notOwnershipForm,
                    "<TYPE>\(document.type ?? "") document holds XML with root element <\(root)>, not ownershipDocument",
                    filingID: filingID, excerptOf: scan.bytes[body])
            case .other:
                return reject(member, source, .unrecognizedLayout,
                    "<TYPE>\(document.type ?? "") document is neither ownership XML nor the text layout",
                    filingID: filingID, excerptOf: scan.bytes[body])
            }
        } else if LayoutSniffer.hasOwnershipRoot(scan, body) {
            layout = .xml
        } else {
            return nil
        }
        return .document(
            ExtractedDocument(
                source: source, layout: layout, envelope: envelope, documentType: document.type,
                body: Array(UnsafeBufferPointer(rebasing: scan.bytes[body])),
                accessionFromName: envelope.accessionNumber == nil ? fromName : nil))
    }

    private func reject(
        _ member: Member, _ source: SourceRef, _ code: RejectCode, _ message: String, filingID: String? = nil,
        excerptOf bytes: Slice<UnsafeBufferPointer<UInt8>>
    ) -> ExtractEvent {
        .reject(
            Reject(
                source: source, filingID: filingID ?? AccessionNumber.fromName(of: member), stage: .extract,
                code: code, message: message, excerpt: Reject.excerpt(of: bytes)))
    }
}

extension FormType {
    /// `type`, an SGML `<TYPE>` value trimmed of SGML whitespace, is an ownership form.
    static func isOwnership(_ type: String) -> Bool {
        var type = type
        return type.withUTF8 { bytes in
            var (lo, hi) = (0, bytes.count)
            while lo < hi, bytes[lo].isSpaceTabCROrLF { lo += 1 }
            while hi > lo, bytes[hi - 1].isSpaceTabCROrLF { hi -= 1 }
            return isOwnership(bytes, from: lo, to: hi)
        }
    }
}
