/// The count objects that manifests, summaries and per-input report lines share.
extension JSONWriter {
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
