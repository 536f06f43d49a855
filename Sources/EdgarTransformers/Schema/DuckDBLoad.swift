import EdgarCore

/// DuckDB SQL over the partitioned NDJSON output of a run, with the declared column types.
///
/// `script` is the load (by manifest, exact, re-runnable). `readJSON` is for looking at a folder in place: every
/// column is typed explicitly (`columns = {…}`), so DuckDB never guesses, but on DuckDB 1.x its JSON reader turns
/// numbers into doubles before the cast, so decimals read that way are exact only on DuckDB 2. Partition keys are
/// read as VARCHAR because `year=unknown` exists.
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

    /// `read_json('<out>/<folder>/**/*.ndjson.gz', …)` for one table, or `*.ndjson` for a `--compression none` run.
    /// With `partitions` (the run's granularity) the partition keys become VARCHAR columns after the table's own;
    /// without, only the table's columns are read.
    public static func readJSON(
        _ table: Table, out: String, partitions: PartitionGranularity? = nil, compression: Compression = .gzip
    ) -> String {
        let columns = Columns.of(table).columns.map { "\(LoadPlan.literal($0.name)): \(LoadPlan.literal(DuckDBDialect.type($0.type)))" }
        var arguments = [
            LoadPlan.literal("\(out)/\(table.folder)/" + compression.partFileGlob), "format = 'newline_delimited'",
            "columns = {\(columns.joined(separator: ", "))}",
        ]
        let keys = partitions.map(partitionKeys) ?? []
        if keys.isEmpty {
            arguments.append("hive_partitioning = false")
        } else {
            arguments.append("hive_partitioning = true")
            arguments.append("hive_types = {\(keys.map { "\(LoadPlan.literal($0)): 'VARCHAR'" }.joined(separator: ", "))}")
        }
        return "read_json(\(arguments.joined(separator: ", ")))"
    }

    /// A load of the sources in `plan` that is exact and safe to re-run, in one transaction: every table is created
    /// if missing (`rejects` too, even when no run had one), the rows earlier loads took from these sources are
    /// deleted, and each source's part files, as its manifest lists them, are inserted with its `source_key`.
    ///
    /// Decimals are exact on DuckDB 1.x too. DuckDB's JSON reader parses a number as a double before any cast
    /// (1.4.5 loads `1566.507` as `1566.507000000000032768`, and a VARCHAR column gets the double's shortest
    /// digits, so `0.1234567890123456789` comes back as `0.12345678901234568`). So each line is read as text, every
    /// other column is typed by `json_transform_strict`, and a decimal's digits are cut from the line itself: the
    /// writer puts a top-level key as `,"name":` before `footnote_ids` and `issues`, and `,"` never occurs inside a
    /// JSON string (a quote there is escaped), so the first match is the column's own number. The text is then
    /// cast to `DECIMAL(38,18)`, which is exact up to 20 integer digits and 18 decimals; a value beyond either
    /// fails the load with a message naming it, never rounds.
    public static func script(plan: LoadPlan, tables: [Table] = Table.allCases) -> String {
        var sql = "-- edgar-etl load for DuckDB (1.4 and later): exact decimals, safe to re-run; one transaction.\n"
        sql += "BEGIN TRANSACTION;\n\n"
        sql += SQLTables.render(Table.allCases, dialect: "DuckDB", type: DuckDBDialect.type, forLoad: "VARCHAR")
        sql += LoadPlan.addSourceKeyColumns(type: "VARCHAR")
        sql += "\n" + decimalMacros + "\n"
        sql += plan.deleteLoadedSources(from: tables)
        for source in plan.sources {
            for table in tables {
                guard let files = source.files[table], !files.isEmpty else { continue }
                sql += insert(table, files: files, key: source.key)
            }
        }
        sql += "\nCOMMIT;\n"
        return sql
    }

    /// `edgar_decimal(line, 'key')`: the column's number as `DECIMAL(38,18)`, exact or an error (see `script`).
    static let decimalMacros = #"""
        CREATE OR REPLACE TEMP MACRO edgar_decimal_text(line, key) AS
            NULLIF(regexp_extract(line, '[{,]"' || key || '":(-?[0-9]+(\.[0-9]+)?)[,}]', 1), '');
        CREATE OR REPLACE TEMP MACRO edgar_decimal(line, key) AS
            CASE WHEN regexp_matches(edgar_decimal_text(line, key), '\.[0-9]{18}[0-9]*[1-9]')
                 THEN error('edgar-etl load: ' || key || ' = ' || edgar_decimal_text(line, key)
                            || ' has more than 18 decimals, which DECIMAL(38,18) would round')
                 ELSE CAST(edgar_decimal_text(line, key) AS DECIMAL(38,18)) END;

        """#

    /// One source's rows of one table.
    static func insert(_ table: Table, files: [String], key: String) -> String {
        let columns = Columns.of(table).columns
        let typed = columns.filter { $0.type != .decimal }.map { "\"\($0.name)\":\"\(DuckDBDialect.type($0.type))\"" }
        let decimals = columns.filter { $0.type == .decimal }.map { "edgar_decimal(line, \(LoadPlan.literal($0.name))) AS \($0.name)" }
        let selected = ["j.*"] + decimals + ["\(LoadPlan.literal(key)) AS \(LoadPlan.sourceKeyColumn)"]
        // JSON escapes every control character, so byte 1 never occurs in a line: each line is one field, as is.
        // A row is at most about as long as its document, which the member limit (64 MiB by default) bounds; a
        // longer line fails the load. (DuckDB 2 reserves 16 times this size, so it is not set higher.)
        let lines = "read_csv([\(files.map(LoadPlan.literal).joined(separator: ", "))], columns = {'line': 'VARCHAR'}, "
            + "header = false, delim = chr(1), quote = '', escape = '', auto_detect = false, "
            + "max_line_size = 67108864)"
        return "INSERT INTO \(table.warehouseName) BY NAME SELECT \(selected.joined(separator: ", "))\n"
            + "    FROM (SELECT json_transform_strict(line, \(LoadPlan.literal("{" + typed.joined(separator: ",") + "}"))) AS j, line\n"
            + "          FROM \(lines));\n"
    }

}
