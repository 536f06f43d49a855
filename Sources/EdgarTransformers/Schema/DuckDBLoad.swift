import EdgarCore

/// DuckDB SQL that reads the partitioned NDJSON output of a run with the declared column types.
///
/// Every column is typed explicitly (`columns = {…}`), so DuckDB never guesses: decimals stay exact
/// (`DECIMAL(38,18)` read from the number's digits, not through a double), `acceptance_datetime` becomes a
/// `TIMESTAMPTZ`, `footnote_ids` a `MAP`. Partition keys are read as VARCHAR because `year=unknown` exists.
public enum DuckDBLoad {
    /// The folder names a run partitions by (`year`, `month`, …), for `hive_types`.
    public static func partitionKeys(_ granularity: PartitionGranularity) -> [String] {
        switch granularity {
        case .day: ["year", "month", "day"]
        case .month: ["year", "month"]
        case .year: ["year"]
        case .none: []
        }
    }

    /// `read_json('<out>/<folder>/**/*.ndjson.gz', …)` for one table. With `partitions` (the run's granularity) the
    /// partition keys become VARCHAR columns after the table's own; without, only the table's columns are read.
    public static func readJSON(_ table: Table, out: String, partitions: PartitionGranularity? = nil) -> String {
        let columns = Columns.of(table).columns.map { "\(literal($0.name)): \(literal(DuckDBDialect.type($0.type)))" }
        var arguments = [
            literal("\(out)/\(table.folder)/**/*.ndjson.gz"), "format = 'newline_delimited'",
            "columns = {\(columns.joined(separator: ", "))}",
        ]
        let keys = partitions.map(partitionKeys) ?? []
        if keys.isEmpty {
            arguments.append("hive_partitioning = false")
        } else {
            arguments.append("hive_partitioning = true")
            arguments.append("hive_types = {\(keys.map { "\(literal($0)): 'VARCHAR'" }.joined(separator: ", "))}")
        }
        return "read_json(\(arguments.joined(separator: ", ")))"
    }

    /// The DDL of `SchemaRenderer.render(.duckdb)` followed by one `INSERT INTO <table> BY NAME SELECT * FROM
    /// read_json(…)` per table: the declared types and NOT NULL constraints are enforced on every row. The partition
    /// columns are not loaded (they repeat `filing_date` / `period_of_report`). DuckDB fails on a glob that matches
    /// no file, so leave out the tables a run did not write (often `rejects`).
    public static func script(out: String, tables: [Table] = Table.allCases) -> String {
        var sql = SchemaRenderer.render(.duckdb, tables: tables) + "\n"
        for table in tables {
            sql += "INSERT INTO \(table.warehouseName) BY NAME SELECT * FROM \(readJSON(table, out: out));\n"
        }
        return sql
    }

    /// A SQL string literal.
    static func literal(_ text: String) -> String { "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }
}
