import EdgarCore

/// `--json`: the report's numbers for monitoring, one JSON object with keys in a fixed order.
public enum ReportJSON {
    public static func encode(_ report: QualityReport) -> [UInt8] {
        var w = JSONWriter(capacity: 64 * 1024)
        w.beginObject()
        w.key("report_version")
        w.int(1)
        w.key("output")
        w.string(report.output)

        let t = report.totals
        w.key("totals")
        w.beginObject()
        w.key("sources")
        w.int(t.sources)
        w.key("input_bytes")
        w.int(t.inputBytes)
        w.key("filings")
        w.int(t.filings)
        w.countMembers(rowsByName: t.rows, rejects: t.rejects, skipped: t.skipped)
        w.key("files")
        w.int(t.files)
        w.key("file_bytes")
        w.int(t.fileBytes)
        w.endObject()

        w.key("days")
        w.beginArray()
        for day in report.days {
            w.beginObject()
            w.key("filing_date")
            w.string(day.date)
            w.key("filings")
            w.int(day.filings)
            w.key("forms")
            w.sortedCounts(day.forms) { $0 }
            w.key("layouts")
            w.sortedCounts(day.layouts) { $0 }
            w.key("trailing_median")
            w.number(digits: day.trailingMedian.map(ReportFormat.median))
            w.key("short_day")
            w.bool(day.isShort)
            w.endObject()
        }
        w.endArray()

        w.key("rejects")
        w.beginArray()
        for r in report.rejects {
            w.beginObject()
            w.key("error_code")
            w.string(r.code)
            w.key("count")
            w.int(r.total)
            w.key("committed")
            w.int(r.committed)
            w.key("uncommitted")
            w.int(r.uncommitted)
            w.key("samples")
            w.beginArray()
            for s in r.samples {
                w.beginObject()
                w.key("input")
                w.string(s.input)
                w.key("member")
                w.string(s.member)
                w.key("message")
                w.string(s.message)
                w.key("excerpt")
                w.string(s.excerpt)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()

        w.key("issues")
        w.beginArray()
        for i in report.issues {
            w.beginObject()
            w.key("table")
            w.string(i.table)
            w.key("column")
            w.string(i.column)
            w.key("code")
            w.string(i.code)
            w.key("count")
            w.int(i.count)
            w.key("sample_raw")
            w.string(i.sampleRaw)
            w.endObject()
        }
        w.endArray()

        w.key("skipped")
        w.beginArray()
        for s in report.skipped {
            w.beginObject()
            w.key("input")
            w.string(s.input)
            w.key("forms")
            w.sortedCounts(s.forms) { $0 }
            w.endObject()
        }
        w.endArray()

        w.key("uncommitted")
        w.beginArray()
        for u in report.uncommitted {
            w.beginObject()
            w.key("kind")
            w.string(u.kind)
            w.key("path")
            w.string(u.path)
            w.key("input")
            w.string(u.input)
            w.endObject()
        }
        w.endArray()

        w.key("missing_files")
        w.beginArray()
        for m in report.missingFiles { w.string(m) }
        w.endArray()
        w.endObject()
        w.newline()
        return w.bytes
    }
}
