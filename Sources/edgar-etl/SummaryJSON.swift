import EdgarCore
import EdgarPipeline

/// The end-of-run summary as JSON (`--summary-json`), for schedulers: per input and in total.
enum SummaryJSON {
    static func render(_ report: RunReport, exitStatus: ExitStatus) -> String {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("parser_version")
        w.string(Versions.parser)
        w.key("contract_version")
        w.int(Versions.contract)
        w.key("exit_status")
        w.int(Int(exitStatus.rawValue))
        w.key("interrupted")
        w.bool(report.interrupted)
        w.key("seconds")
        w.number(digits: String(format: "%.3f", report.seconds))
        w.key("filings_per_second")
        w.number(digits: String(format: "%.1f", report.seconds > 0 ? Double(report.filings) / report.seconds : 0))
        w.key("already_committed")
        w.int(report.alreadyCommitted)
        w.key("bytes_streamed")
        w.int(report.bytesStreamed)
        w.key("totals")
        writeCounts(&w, filings: report.filings, bytes: report.bytes, rows: report.total(\.rows), rejects: report.total(\.rejects), skipped: report.total(\.skipped))
        // What was read but is not in OUT (interrupted or failed writes), apart from the totals.
        let unpublished = report.unpublished
        w.key("not_committed")
        writeCounts(
            &w, filings: unpublished.reduce(0) { $0 + $1.filings }, bytes: unpublished.reduce(0) { $0 + $1.bytes },
            rows: report.total(\.rows, of: unpublished), rejects: report.total(\.rejects, of: unpublished),
            skipped: report.total(\.skipped, of: unpublished))
        w.key("inputs")
        w.beginArray()
        for source in report.sources {
            w.beginObject()
            w.key("path")
            w.string(source.path)
            w.key("source_key")
            w.string(source.key)
            w.key("status")
            w.string(source.status.rawValue)
            w.key("already_committed")
            w.bool(source.alreadyCommitted)
            w.key("message")
            w.string(source.message)
            w.key("counts")
            writeCounts(&w, filings: source.filings, bytes: source.bytes, rows: source.rows, rejects: source.rejects, skipped: source.skipped)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.newline()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func writeCounts(
        _ w: inout JSONWriter, filings: Int, bytes: Int, rows: [Table: Int], rejects: [RejectCode: Int], skipped: [String: Int]
    ) {
        w.beginObject()
        w.key("filings")
        w.int(filings)
        w.key("bytes_read")
        w.int(bytes)
        w.countMembers(rows: rows, rejects: rejects, skipped: skipped)
        w.endObject()
    }
}
