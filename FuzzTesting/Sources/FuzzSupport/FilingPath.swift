import EdgarCore
import EdgarExtractors
import EdgarTransformers

/// Stages 2–3 for one member, as `FilingProcessor` runs them, with the output checked: every NDJSON line a
/// filing or a reject produces must be one valid JSON object, and each chunk must hold as many lines as it
/// claims rows.
public final class FilingPath {
    private let extractor = SubmissionExtractor()
    private let xmlParser = XMLOwnershipParser()
    private let encoder = RowEncoder()

    public init() {}

    public func run(member: Member) {
        for event in extractor.extract(member) {
            switch event {
            case .skipped: break
            case .reject(let reject): check(reject: reject)
            case .document(let document): run(document: document)
            }
        }
    }

    /// A loose document of `layout` (as the extractor hands over a `.txt` or `.html` file), run as `run(document:)`.
    public func run(body: [UInt8], layout: Layout, member: String) {
        run(document: ExtractedDocument(
            source: SourceRef(archive: "fuzz", member: member), layout: layout, envelope: nil, documentType: nil, body: body))
    }

    /// Parses `document` in its layout and encodes it; rejections are encoded as reject lines.
    public func run(document: ExtractedDocument) {
        do throws(DocumentRejection) {
            let model: OwnershipDocument
            switch document.layout {
            case .xml: model = try xmlParser.parse(document.body)
            case .text: model = try TextLayoutParser.parse(document.body)
            case .html: model = try HTMLViewParser.parse(document.body)
            }
            let filing = try encoder.encode(model, from: document)
            for (table, chunk) in filing.tables {
                check(chunk: chunk.bytes, rows: chunk.rows, what: "\(table)")
            }
            _ = encoder.partition(of: model, from: document)
        } catch {
            check(reject: Reject(
                source: document.source, filingID: encoder.filingID(for: document), stage: .transform,
                code: error.code, message: error.message, excerpt: Reject.excerpt(of: document.body)))
        }
    }

    private func check(reject: Reject) {
        check(chunk: encoder.encodeReject(reject), rows: 1, what: "rejects")
    }

    private func check(chunk: [UInt8], rows: Int, what: String) {
        if let fault = JSONLineValidator.validate(ndjson: chunk) { fuzzFailure("\(what): \(fault)") }
        let lines = chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lines != rows { fuzzFailure("\(what): \(lines) lines for \(rows) rows") }
    }
}
