/// The count objects that manifests, summaries, per-input lines and the report share: one encoder, so the same
/// counts are the same bytes in every output.
extension JSONWriter {
    /// `"rows": {…}, "rejects": {…}, "skipped": {…}` (`skipped` left out when nil), as a run counted them: rows of
    /// every data table in contract order, zero when absent; reject codes and form types sorted by name.
    public mutating func countMembers(rows: [Table: Int], rejects: [RejectCode: Int], skipped: [String: Int]?) {
        key("rows")
        tableCounts(rows)
        key("rejects")
        sortedCounts(rejects) { $0.rawValue }
        if let skipped { skippedMember(skipped) }
    }

    /// The same members as read back from manifests (`edgar-etl report`), where tables and codes are names: only
    /// the names given, each object sorted by name.
    public mutating func countMembers(rowsByName rows: [String: Int], rejects: [String: Int], skipped: [String: Int]) {
        key("rows")
        sortedCounts(rows) { $0 }
        key("rejects")
        sortedCounts(rejects) { $0 }
        skippedMember(skipped)
    }

    private mutating func skippedMember(_ skipped: [String: Int]) {
        key("skipped")
        sortedCounts(skipped) { $0 }
    }

    /// `{"filings": n, "reporting_owners": n, …}`: every data table, in contract order, zero when absent.
    public mutating func tableCounts(_ rows: [Table: Int]) {
        beginObject()
        for table in Table.dataTables {
            key(dynamic: table.rawValue)
            int(rows[table] ?? 0)
        }
        endObject()
    }

    /// `{"<name>": n, …}` sorted by name, so the same counts always give the same bytes.
    public mutating func sortedCounts<Key>(_ counts: [Key: Int], name: (Key) -> String) {
        beginObject()
        for (label, count) in counts.map({ (name($0.key), $0.value) }).sorted(by: { $0.0 < $1.0 }) {
            key(dynamic: label)
            int(count)
        }
        endObject()
    }
}
