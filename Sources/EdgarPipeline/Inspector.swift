import EdgarCore
import EdgarReaders
import EdgarTransformers

/// What `edgar-etl inspect` shows: every filing of one input (or one member of it) run through the same
/// extract-parse-encode path as a real run, without writing anything.
public enum Inspector {
    public enum Outcome: Sendable {
        /// The rows of one filing, table by table, each an NDJSON line.
        case filing(filingID: String, rows: [(table: Table, lines: [[UInt8]])])
        /// A reject row (NDJSON).
        case reject([UInt8])
        case skipped(formType: String)
    }

    /// Reads `path`; with `member`, only members whose path equals it or ends with `/member`.
    public static func inspect(path: String, member: String? = nil, options: PipelineOptions) throws -> [Outcome] {
        XMLRuntime.initialize()
        let processor = FilingProcessor(options: options)
        var outcomes: [Outcome] = []
        let summary = InputReader(limits: options.readerLimits).read(path: path, label: path) { event in
            if let member, case .member(let m) = event, !(m.path == member || m.path?.hasSuffix("/" + member) == true) {
                return
            }
            var items: [ProcessedItem] = []
            processor.process(event, into: &items)
            outcomes += items.map(outcome)
        }
        if let failure = summary.failure {
            outcomes.append(.reject(processor.encodeReject(failure.reject)))
        }
        return outcomes
    }

    private static func outcome(_ item: ProcessedItem) -> Outcome {
        switch item {
        case .filing(let filing):
            let rows = Table.dataTables.compactMap { table -> (table: Table, lines: [[UInt8]])? in
                guard let chunk = filing.tables[table], chunk.rows > 0 else { return nil }
                return (table, chunk.bytes.split(separator: 0x0a).map(Array.init))
            }
            return .filing(filingID: filing.filingID, rows: rows)
        case .reject(_, let line, _):
            return .reject(line)
        case .skipped(let formType):
            return .skipped(formType: formType)
        }
    }
}
