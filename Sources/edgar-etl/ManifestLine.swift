import EdgarCore
import EdgarPipeline

/// One JSON line per committed input on stdout, for `--inputs-from` (Spark `RDD.pipe`, Ray, Dask wrappers).
enum ManifestLine {
    static func render(_ source: RunReport.Source) -> String {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.key("input")
        w.string(source.path)
        w.key("source_key")
        w.string(source.key)
        w.key("status")
        w.string(source.status.rawValue)
        w.key("manifest")
        w.string("_manifests/\(source.key).json")
        w.key("filings")
        w.int(source.filings)
        w.countMembers(rows: source.rows, rejects: source.rejects, skipped: nil)
        w.endObject()
        w.newline()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
