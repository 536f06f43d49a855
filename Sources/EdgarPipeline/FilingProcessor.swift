import EdgarCore
import EdgarExtractors
import EdgarReaders
import EdgarTransformers

/// Stages 2 and 3 for one member: extract the ownership documents, parse each in its layout, encode the
/// rows. One per worker thread (it owns a libxml2 parser context); it does not know about threads, so
/// `inspect` (`Inspector`) uses it directly.
public final class FilingProcessor {
    private let extractor = SubmissionExtractor()
    private let xmlParser: XMLOwnershipParser
    private let xmlLimits: XMLLimits
    private let encoder: RowEncoder
    private let forms: FormFilter
    private let granularity: PartitionGranularity

    public init(options: PipelineOptions) {
        xmlParser = XMLOwnershipParser(limits: options.xmlLimits, recover: options.recoverXML)
        xmlLimits = options.xmlLimits
        encoder = RowEncoder(granularity: options.granularity)
        forms = options.forms
        granularity = options.granularity
    }

    func process(_ event: ReadEvent, into items: inout [ProcessedItem]) {
        switch event {
        case .reject(let reject):
            items.append(rejectItem(reject, partition: .unknown(granularity)))
        case .member(let member):
            for extracted in extractor.extract(member) {
                switch extracted {
                case .skipped(let formType):
                    items.append(.skipped(formType: formType))
                case .reject(let reject):
                    items.append(rejectItem(reject, partition: .unknown(granularity)))
                case .document(let document):
                    items.append(transform(document))
                }
            }
        }
    }

    /// Parses and encodes one document; a document that cannot become rows becomes a reject.
    func transform(_ document: ExtractedDocument) -> ProcessedItem {
        do throws(DocumentRejection) {
            let model: OwnershipDocument
            switch document.layout {
            case .xml: model = try xmlParser.parse(document.body)
            case .text: model = try TextLayoutParser.parse(document.body)
            case .html: model = try HTMLViewParser.parse(document.body, limits: xmlLimits)
            }
            if let form = model.documentType ?? document.documentType, !forms.accepts(form) {
                return .skipped(formType: FormFilter.canonical(form))
            }
            var filing = try encoder.encode(model, from: document)
            filing.source = document.source
            return .filing(filing)
        } catch {
            let reject = Reject(
                source: document.source, filingID: encoder.filingID(for: document), stage: .transform,
                code: error.code, message: error.message, excerpt: Reject.excerpt(of: document.body))
            return rejectItem(reject, partition: encoder.partition(of: nil, from: document))
        }
    }

    func encodeReject(_ reject: Reject) -> [UInt8] {
        encoder.encodeReject(reject)
    }

    /// The end of a source with its failure's reject row encoded: the writer publishes it as it comes.
    func encode(_ end: SourceEnd) -> SourceEnd {
        var end = end
        if let failure = end.failure { end.failureRow = encoder.encodeReject(failure.reject) }
        return end
    }

    private func rejectItem(_ reject: Reject, partition: PartitionKey) -> ProcessedItem {
        .reject(reject, line: encoder.encodeReject(reject), partition: partition)
    }
}
