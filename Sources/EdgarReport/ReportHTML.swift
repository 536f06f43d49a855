/// `--html`: one self-contained page (inline CSS and SVG, no script, nothing fetched), so it can be mailed,
/// archived next to OUT or opened on a machine with no network. Every number is in a `<table>` too, so the
/// page can be checked and copied, and the charts only draw them.
public enum ReportHTML {
    public static func render(_ report: QualityReport) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>edgar-etl data-quality report: \(HTML.escape(report.output))</title>
            <style>
            body{font-family:sans-serif;margin:24px auto;max-width:1000px;color:#222;line-height:1.4}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.short td{background:#fbe3e0}
            pre{white-space:pre-wrap;word-break:break-all;margin:0;font-size:12px;max-width:560px}
            .ok{color:#2e7d32}.bad{color:#b71c1c;font-weight:bold}
            svg{max-width:100%;height:auto}
            </style></head><body>
            <h1>Data-quality report</h1>
            <p>Output folder <code>\(HTML.escape(report.output))</code>: \(report.totals.sources) committed input\(report.totals.sources == 1 ? "" : "s"), \
            \(ReportFormat.grouped(report.totals.filings)) filings, \(report.days.count) filing date\(report.days.count == 1 ? "" : "s"), \
            \(summaryLine(report))</p>

            """
        page += totals(report)
        page += days(report)
        page += mixes(report)
        page += rejects(report)
        page += issues(report)
        page += skipped(report)
        page += uncommitted(report)
        page += "</body></html>\n"
        return page
    }

    private static func summaryLine(_ r: QualityReport) -> String {
        var problems: [String] = []
        if !r.shortDays.isEmpty { problems.append("\(r.shortDays.count) short day\(r.shortDays.count == 1 ? "" : "s")") }
        if !r.uncommitted.isEmpty { problems.append("\(r.uncommitted.count) uncommitted item\(r.uncommitted.count == 1 ? "" : "s")") }
        if !r.missingFiles.isEmpty { problems.append("\(r.missingFiles.count) missing part file\(r.missingFiles.count == 1 ? "" : "s")") }
        return problems.isEmpty ? "<span class=\"ok\">no short day, everything committed</span>." : "<span class=\"bad\">" + problems.joined(separator: ", ") + "</span>."
    }

    private static func totals(_ r: QualityReport) -> String {
        let t = r.totals
        var rows: [(String, Int)] = [("sources", t.sources), ("input bytes", t.inputBytes), ("filings", t.filings)]
        rows += t.rows.sorted { $0.key < $1.key }.map { ("rows: " + $0.key, $0.value) }
        // Per code in the rejects section (its "in committed inputs" column): fifty codes would drown this table.
        rows.append(("rejects", t.rejects.values.reduce(0, +)))
        rows += [("skipped submissions", t.skipped.values.reduce(0, +)), ("files", t.files), ("file bytes", t.fileBytes)]
        var html = "<h2 id=\"totals-section\">Totals</h2><p>Summed over every manifest in <code>_manifests</code>.</p>"
        html += "<table id=\"totals\"><tr><th>what</th><th class=\"n\">count</th></tr>"
        for (name, value) in rows { html += "<tr><td>\(HTML.escape(name))</td><td class=\"n\">\(value)</td></tr>" }
        return html + "</table>\n"
    }

    private static func days(_ r: QualityReport) -> String {
        let dated = r.days.filter { $0.date != "unknown" }
        var html = "<h2 id=\"days-section\">Filings per filing date</h2>"
        html += "<p>A day is flagged <b>short</b> when it has fewer than half the median of the 20 filing dates before it "
        html += "(judged once 5 earlier dates exist): a partial download is the commonest silent failure.</p>"
        if !dated.isEmpty {
            let bars = dated.map { SVGChart.Bar(label: $0.date, values: [$0.filings], highlight: $0.isShort) }
            html += SVGChart.columns(bars: bars, series: [.init(name: "filings", color: SVGChart.palette[0])],
                                     xTitle: "filing date", yTitle: "filings per day", highlightName: "short day")
        }
        if let unknown = r.days.first(where: { $0.date == "unknown" }) {
            html += "<p>\(ReportFormat.grouped(unknown.filings)) filing\(unknown.filings == 1 ? "" : "s") without a filing date (loose documents) are counted in the table, not drawn.</p>"
        }
        let short = r.shortDays
        html += short.isEmpty ? "<p class=\"ok\">No short day.</p>" : "<p class=\"bad\">Short days: " + short.map(\.date).joined(separator: ", ") + "</p>"
        html += "<details\(r.days.count <= 62 ? " open" : "")><summary>Every filing date (\(r.days.count))</summary>"
        html += "<table id=\"days\"><tr><th>filing date</th><th class=\"n\">filings</th><th class=\"n\">trailing median</th><th>short day</th></tr>"
        for d in r.days {
            html += "<tr\(d.isShort ? " class=\"short\"" : "")><td>\(d.date)</td><td class=\"n\">\(d.filings)</td>"
            html += "<td class=\"n\">\(d.trailingMedian.map(ReportFormat.median) ?? "")</td><td>\(d.isShort ? "short day" : "")</td></tr>"
        }
        return html + "</table></details>\n"
    }

    /// Form types and layouts over time, per day when there are few days, else per month or per year.
    private static func mixes(_ r: QualityReport) -> String {
        let dated = r.days.filter { $0.date != "unknown" }
        let months = Set(dated.map { String($0.date.prefix(7)) }).count
        let (unit, bucket): (String, (String) -> String) =
            dated.count <= 62 ? ("day", { $0 }) : months <= 120 ? ("month", { String($0.prefix(7)) }) : ("year", { String($0.prefix(4)) })
        var html = "<h2 id=\"mix-section\">Form mix and layouts over time</h2>"
        for (title, id, pick) in [("Form types", "forms", \QualityReport.Day.forms), ("Layouts", "layouts", \QualityReport.Day.layouts)] {
            var keys = Set<String>()
            var buckets: [(String, [String: Int])] = []
            for d in dated {
                let b = bucket(d.date)
                if buckets.last?.0 != b { buckets.append((b, [:])) }
                for (k, v) in d[keyPath: pick] {
                    buckets[buckets.count - 1].1[k, default: 0] += v
                    keys.insert(k)
                }
            }
            let order = keys.sorted()
            let series = order.enumerated().map { SVGChart.Series(name: $1, color: SVGChart.palette[$0 % SVGChart.palette.count]) }
            html += "<h3>\(title)</h3>"
            if !buckets.isEmpty {
                html += SVGChart.columns(bars: buckets.map { b in SVGChart.Bar(label: b.0, values: order.map { b.1[$0] ?? 0 }) },
                                         series: series, xTitle: "filing \(unit)", yTitle: "filings per \(unit)", alwaysLegend: true)
            }
            // The whole-folder table, including filings without a date.
            var all: [String: Int] = [:]
            for d in r.days { for (k, v) in d[keyPath: pick] { all[k, default: 0] += v } }
            html += "<table id=\"\(id)\"><tr><th>\(id == "forms" ? "form type" : "layout")</th><th class=\"n\">filings</th></tr>"
            for (k, v) in all.sorted(by: { $0.key < $1.key }) { html += "<tr><td>\(HTML.escape(k))</td><td class=\"n\">\(v)</td></tr>" }
            html += "</table>\n"
        }
        return html
    }

    private static func rejects(_ r: QualityReport) -> String {
        var html = "<h2 id=\"rejects-section\">Rejects by error code</h2>"
        guard !r.rejects.isEmpty else { return html + "<p class=\"ok\">No rejects.</p>\n" }
        html += SVGChart.rows(r.rejects.map { ($0.code, $0.total) }, valueTitle: "rejects (rows under _rejects)")
        html += "<table id=\"rejects\"><tr><th>error code</th><th class=\"n\">rejects</th><th class=\"n\">in committed inputs</th><th class=\"n\">in inputs not committed</th></tr>"
        for c in r.rejects {
            html += "<tr><td>\(HTML.escape(c.code))</td><td class=\"n\">\(c.total)</td><td class=\"n\">\(c.committed)</td><td class=\"n\">\(c.uncommitted)</td></tr>"
        }
        let sampleCount = r.rejects.reduce(0) { $0 + $1.samples.count }
        html += "</table><h3>Samples</h3><details\(sampleCount <= 30 ? " open" : "")><summary>\(sampleCount) sample\(sampleCount == 1 ? "" : "s"), up to 3 per code</summary>"
        html += "<table id=\"reject-samples\"><tr><th>error code</th><th>input</th><th>member</th><th>message</th><th>excerpt</th></tr>"
        for c in r.rejects {
            for s in c.samples {
                html += "<tr><td>\(HTML.escape(c.code))</td><td>\(HTML.escape(s.input))</td><td>\(HTML.escape(s.member ?? ""))</td>"
                html += "<td>\(HTML.escape(s.message))</td><td><pre>\(HTML.escape(s.excerpt))</pre></td></tr>"
            }
        }
        return html + "</table></details>\n"
    }

    private static func issues(_ r: QualityReport) -> String {
        var html = "<h2 id=\"issues-section\">Issues by table, column and code</h2>"
        guard !r.issues.isEmpty else { return html + "<p class=\"ok\">No value needed an issue.</p>\n" }
        html += "<table id=\"issues\"><tr><th>table</th><th>column</th><th>code</th><th class=\"n\">count</th><th>sample raw value</th></tr>"
        for i in r.issues {
            html += "<tr><td>\(HTML.escape(i.table))</td><td>\(HTML.escape(i.column))</td><td>\(HTML.escape(i.code))</td>"
            html += "<td class=\"n\">\(i.count)</td><td><pre>\(HTML.escape(i.sampleRaw ?? ""))</pre></td></tr>"
        }
        return html + "</table>\n"
    }

    private static func skipped(_ r: QualityReport) -> String {
        var html = "<h2 id=\"skipped-section\">Skipped form types per input</h2><p>Submissions of other forms are skipped, not rejected.</p>"
        guard !r.skipped.isEmpty else { return html + "<p>None.</p>\n" }
        let count = r.skipped.reduce(0) { $0 + $1.forms.count }
        html += "<details\(count <= 40 ? " open" : "")><summary>\(count) input and form type pair\(count == 1 ? "" : "s") over \(r.skipped.count) input\(r.skipped.count == 1 ? "" : "s")</summary>"
        html += "<table id=\"skipped\"><tr><th>input</th><th>form type</th><th class=\"n\">submissions</th></tr>"
        for s in r.skipped {
            for (form, n) in s.forms.sorted(by: { $0.key < $1.key }) {
                html += "<tr><td>\(HTML.escape(s.input))</td><td>\(HTML.escape(form))</td><td class=\"n\">\(n)</td></tr>"
            }
        }
        return html + "</table></details>\n"
    }

    private static func uncommitted(_ r: QualityReport) -> String {
        var html = "<h2 id=\"uncommitted-section\">Inputs not committed</h2>"
        guard !r.uncommitted.isEmpty || !r.missingFiles.isEmpty else { return html + "<p class=\"ok\">Every input in this folder is committed.</p>\n" }
        html += "<table id=\"uncommitted\"><tr><th>what</th><th>path under OUT</th><th>input</th></tr>"
        for u in r.uncommitted {
            let what = u.kind == "staging" ? "staging folder (a run still going, or killed)" : "rejects with no manifest (the input failed)"
            html += "<tr><td>\(what)</td><td>\(HTML.escape(u.path))</td><td>\(HTML.escape(u.input ?? ""))</td></tr>"
        }
        for m in r.missingFiles {
            html += "<tr><td>part file listed in a manifest but missing or unreadable</td><td>\(HTML.escape(m))</td><td></td></tr>"
        }
        return html + "</table>\n"
    }
}

enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
