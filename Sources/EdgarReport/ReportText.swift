/// The terminal form of the report: the same sections as the page, as aligned plain text.
public enum ReportText {
    public static func render(_ report: QualityReport, maxDays: Int = 31) -> String {
        var out = "Data-quality report of \(report.output)\n\n"
        let t = report.totals
        out += "Totals (from \(t.sources) manifest\(t.sources == 1 ? "" : "s"))\n"
        var totals: [[String]] = [["sources", g(t.sources)], ["input bytes", g(t.inputBytes)], ["filings", g(t.filings)]]
        totals += t.rows.sorted { $0.key < $1.key }.map { ["rows: " + $0.key, g($0.value)] }
        totals.append(["rejects", g(t.rejects.values.reduce(0, +))])
        totals.append(["skipped submissions", g(t.skipped.values.reduce(0, +))])
        totals.append(["files", g(t.files)])
        totals.append(["file bytes", g(t.fileBytes)])
        out += table(totals, rightAligned: [1])

        let short = report.shortDays
        out += "\nFilings per filing date (\(report.days.count) day\(report.days.count == 1 ? "" : "s"), \(short.count) short)\n"
        let shown = report.days.count > maxDays ? Array(report.days.suffix(maxDays)) : report.days
        if shown.count < report.days.count { out += "  (the last \(maxDays); --json or --html for all)\n" }
        var dayRows = [["filing date", "filings", "trailing median", "forms", "layouts", ""]]
        for d in shown {
            dayRows.append([d.date, g(d.filings), d.trailingMedian.map(ReportFormat.median) ?? "-", mix(d.forms), mix(d.layouts), d.isShort ? "SHORT DAY" : ""])
        }
        out += table(dayRows, rightAligned: [1, 2])
        for d in short where !shown.contains(where: { $0.date == d.date }) {
            out += "  short day \(d.date): \(d.filings) filings, trailing median \(ReportFormat.median(d.trailingMedian ?? 0))\n"
        }

        out += "\nRejects by error code\n"
        if report.rejects.isEmpty { out += "  none\n" }
        for r in report.rejects {
            out += "  \(r.code): \(g(r.total))" + (r.uncommitted > 0 ? " (\(g(r.uncommitted)) in inputs not committed)" : "") + "\n"
            for s in r.samples {
                out += "    from \(s.input)\(s.member.map { " member " + $0 } ?? ""): \(oneLine(s.excerpt, 100))\n"
            }
        }

        out += "\nIssues by table, column and code\n"
        if report.issues.isEmpty {
            out += "  none\n"
        } else {
            out += table([["table", "column", "code", "count", "sample raw value"]]
                + report.issues.map { [$0.table, $0.column, $0.code, g($0.count), oneLine($0.sampleRaw ?? "", 60)] }, rightAligned: [3])
        }

        out += "\nSkipped form types per input\n"
        if report.skipped.isEmpty { out += "  none\n" }
        for s in report.skipped { out += "  \(s.input): \(mix(s.forms))\n" }

        out += "\nNot committed\n"
        if report.uncommitted.isEmpty && report.missingFiles.isEmpty { out += "  nothing: every input in OUT is committed\n" }
        for u in report.uncommitted {
            out += "  \(u.kind == "staging" ? "staging folder" : "rejects without a manifest") \(u.path)\(u.input.map { " (input " + $0 + ")" } ?? "")\n"
        }
        for m in report.missingFiles { out += "  missing or unreadable part file listed in a manifest: \(m)\n" }
        return out
    }

    private static func g(_ n: Int) -> String { ReportFormat.grouped(n) }

    private static func mix(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    static func oneLine(_ text: String, _ limit: Int) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }

    private static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            "  " + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
