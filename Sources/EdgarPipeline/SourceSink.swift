import EdgarCore
import EdgarReaders
import EdgarTransformers
import EdgarWriters

/// The writer stage's view of one source: routes each processed item to its table and partition, counts
/// what the manifest and the report need, and commits or abandons the source when its end arrives.
final class SourceSink {
    private let writer: SourceWriter
    private(set) var report: RunReport.Source
    private let policy: TruncatedPolicy
    private let granularity: PartitionGranularity
    /// Rows per table, by position in `Table.allCases`: counted here and moved into `report.rows` when the
    /// source ends, so a filing costs no dictionary updates.
    private var rowCounts = [Int](repeating: 0, count: SourceSink.tables.count)
    private static let tables = Table.allCases
    /// The `filing_id`s written so far, each with the member it came from: a later copy is `duplicate_filing`.
    /// Kept here, in the writer's sequence order, so the copy kept is the first in file order whatever `--jobs`.
    private var firstSeen: [String: String?] = [:]
    private let encoder: RowEncoder

    init(path: String, key: String, directory: OutputDirectory, options: PipelineOptions) throws {
        writer = try SourceWriter(
            layout: directory.layout, sourceKey: key, attemptID: directory.attemptID,
            compressionLevel: options.compressionLevel, withdrawsSuccessOnChange: !directory.withdrawsSuccessAtStart)
        report = RunReport.Source(path: path, key: key, status: .interrupted)
        policy = options.onTruncated
        granularity = options.granularity
        encoder = RowEncoder(granularity: options.granularity)
    }

    /// Writes one item; returns the item as counted (a repeated filing comes back as its reject).
    @discardableResult
    func consume(_ item: ProcessedItem) throws -> ProcessedItem {
        switch item {
        case .filing(let filing):
            if let duplicate = duplicateReject(filing) {
                try consume(duplicate)
                return duplicate
            }
            report.filings += 1
            for (slot, table) in SourceSink.tables.enumerated() where table != .rejects {
                guard let chunk = filing.tables[table], chunk.rows > 0 else { continue }
                try writer.append(chunk, table: table, partition: filing.partition)
                rowCounts[slot] += chunk.rows
            }
        case .reject(let reject, let line, let partition):
            try writer.append(TableChunk(bytes: line, rows: 1), table: .rejects, partition: partition)
            report.rejects[reject.code, default: 0] += 1
        case .skipped(let formType):
            report.skipped[formType, default: 0] += 1
        }
        return item
    }

    /// The reject for a filing whose `filing_id` this source already wrote (the same accession twice in one
    /// feed): two copies would give duplicate keys in every table. nil for a first appearance, now recorded.
    private func duplicateReject(_ filing: EncodedFiling) -> ProcessedItem? {
        let member = filing.source?.member
        guard let first = firstSeen[filing.filingID] else {
            firstSeen[filing.filingID] = member
            return nil
        }
        let firstPlace = first.map { "member \($0)" } ?? "earlier in this input"
        let reject = Reject(
            source: filing.source ?? SourceRef(archive: report.path), filingID: filing.filingID, stage: .transform,
            code: .duplicateFiling,
            message: "filing \(filing.filingID) already came from \(firstPlace); the first copy is kept, this one skipped")
        return .reject(reject, line: encoder.encodeReject(reject), partition: filing.partition)
    }

    /// Commits the source, or publishes only the reason it failed. Returns the final report of the source.
    /// A failure's reject goes to the unknown partition of the run's `--partition`, kept or not.
    func finish(_ end: SourceEnd) -> RunReport.Source {
        settleRowCounts()
        report.bytes = end.bytes
        do {
            if let failure = end.failure {
                let line = end.failureRow
                if failure.keepable && policy == .keep {
                    try consume(.reject(failure.reject, line: line, partition: .unknown(granularity)))
                    try commit(end)
                    report.message = failure.reject.message
                    return report
                }
                try writer.publishFailure(TableChunk(bytes: line, rows: 1), partition: .unknown(granularity))
                report = RunReport.Source(path: report.path, key: report.key, status: .failedInput, bytes: end.bytes)
                report.rejects[failure.reject.code] = 1
                report.message = failure.reject.message
                return report
            }
            try commit(end)
        } catch {
            writer.abort()
            report.status = .failedOutput
            report.message = "\(error)"
            report.permanent = error.isPermanentOutputError
        }
        return report
    }

    func abandon() -> RunReport.Source {
        settleRowCounts()
        writer.abort()
        report.status = .interrupted
        return report
    }

    private func settleRowCounts() {
        for (slot, rows) in rowCounts.enumerated() where rows > 0 {
            report.rows[SourceSink.tables[slot], default: 0] += rows
        }
        rowCounts = rowCounts.map { _ in 0 }
    }

    private func commit(_ end: SourceEnd) throws {
        let manifest = Manifest(
            source: .init(path: report.path, size: end.bytes, sha256: end.sha256), filings: report.filings,
            rows: report.rows, rejects: report.rejects, skipped: report.skipped, files: [])
        try writer.commit(manifest)
        report.status = .committed
    }
}
