import EdgarCore
import EdgarPipeline
import Foundation

/// The human summary printed at the end of a run.
enum SummaryText {
    static func render(_ report: RunReport) -> String {
        var lines: [String] = []
        for source in report.sources {
            let status = source.alreadyCommitted ? "already committed" : source.status.rawValue
            var line = "\(status): \(source.path) — \(source.filings) filings"
            let rejects = source.rejects.values.reduce(0, +)
            if rejects > 0 {
                line += ", \(rejects) rejects (" + source.rejects.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + ")"
            }
            let skipped = source.skipped.values.reduce(0, +)
            if skipped > 0 { line += ", \(skipped) other submissions skipped" }
            if let message = source.message, source.status != .committed { line += "\n    \(message)" }
            lines.append(line)
        }
        let rows = report.total(\.rows)
        let rate = report.seconds > 0 ? Double(report.filings) / report.seconds : 0
        lines.append(
            "total: \(report.published.count) inputs"
                + (report.alreadyCommitted > 0 ? " (\(report.alreadyCommitted) already committed, not read again)" : "")
                + ", \(report.filings) filings, \(report.rejects) rejects in "
                + String(format: "%.2f s (%.0f filings/s)", report.seconds, rate))
        lines.append("rows: " + Table.dataTables.map { "\($0.rawValue) \(rows[$0] ?? 0)" }.joined(separator: ", "))
        // Read but not committed: apart from the totals, which count only what is in OUT.
        let unpublished = report.unpublished
        if !unpublished.isEmpty {
            let filings = unpublished.reduce(0) { $0 + $1.filings }
            let rejects = unpublished.reduce(0) { $0 + $1.rejects.values.reduce(0, +) }
            lines.append(
                "not committed: \(unpublished.count) inputs, \(filings) filings and \(rejects) rejects read, none of them in the output")
        }
        if report.interrupted { lines.append("interrupted: inputs not listed as committed left no trace") }
        return lines.joined(separator: "\n") + "\n"
    }
}
