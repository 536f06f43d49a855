import EdgarCore

/// A `psql` script that loads a run's output into PostgreSQL exactly and can be re-run: the same shape as
/// `DuckDBLoad.script` (one transaction; tables created if missing, `rejects` always; the rows of the loaded
/// sources replaced, found by `source_key`; part files taken from the manifests).
///
/// Each part file goes through `\copy` into a one-column staging table, one line per row, and then into the table
/// with an `INSERT … SELECT` that types every column from the `json` text: a decimal is `(line->>'shares')::numeric`,
/// the number's own digits, never a float; nested columns are `jsonb`. The staging `\copy` uses CSV mode with
/// bytes 1 and 2 as delimiter and quote: JSON escapes every control character, so a line arrives as it is
/// (text mode would undo the JSON's backslash escapes).
///
/// Limit: PostgreSQL text cannot hold U+0000, so a row with `\u0000` in a string fails the load (with its message).
public enum PostgresLoad {
    static let staging = "edgar_load_lines"

    public static func script(plan: LoadPlan, tables: [Table] = Table.allCases) -> String {
        var sql = "-- edgar-etl load for PostgreSQL (psql): exact decimals, safe to re-run; one transaction.\n"
        sql += "\\set ON_ERROR_STOP on\nBEGIN;\n\n"
        sql += SQLTables.render(Table.allCases, dialect: "PostgreSQL", type: PostgresDialect.type, forLoad: "TEXT")
        sql += LoadPlan.addSourceKeyColumns(type: "TEXT")
        sql += "\nCREATE TEMP TABLE \(staging) (line text) ON COMMIT DROP;\n"
        sql += plan.deleteLoadedSources(from: tables)
        for source in plan.sources {
            for table in tables {
                guard let files = source.files[table], !files.isEmpty else { continue }
                sql += "\n"
                for file in files { sql += copy(file) }
                sql += insert(table, key: source.key)
                sql += "TRUNCATE \(staging);\n"
            }
        }
        sql += "\nCOMMIT;\n"
        return sql
    }

    /// `\copy` of one part file into the staging table; gzip parts through `gzip -dc` on the client.
    static func copy(_ file: String) -> String {
        let options = "WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')"
        if file.hasSuffix(".gz") {
            return "\\copy \(staging) (line) FROM PROGRAM \(LoadPlan.literal("gzip -dc " + shellQuoted(file))) \(options)\n"
        }
        return "\\copy \(staging) (line) FROM \(LoadPlan.literal(file)) \(options)\n"
    }

    /// The staged lines as typed rows of `table`.
    static func insert(_ table: Table, key: String) -> String {
        let columns = Columns.of(table).columns
        let names = columns.map(\.name) + [LoadPlan.sourceKeyColumn]
        let values = columns.map { value($0) } + [LoadPlan.literal(key)]
        return "INSERT INTO \(table.warehouseName) (\(names.joined(separator: ", ")))\n"
            + "SELECT \(values.joined(separator: ",\n       "))\n"
            + "FROM (SELECT line::json AS j FROM \(staging)) AS staged;\n"
    }

    static func value(_ column: Column) -> String {
        let text = "(j->>\(LoadPlan.literal(column.name)))"
        return switch column.type {
        // A JSON null is SQL NULL, not the jsonb value `null`.
        case .source, .footnoteIDs, .issues: "NULLIF((j->\(LoadPlan.literal(column.name)))::jsonb, 'null')"
        case .decimal: "\(text)::numeric"
        case .date: "\(text)::date"
        case .timestamp: "\(text)::timestamptz"
        case .boolean: "\(text)::boolean"
        case .index: "\(text)::integer"
        case .filingID, .accessionNumber, .string, .code, .formType, .layout, .cik, .rejectStage, .rejectCode: text
        }
    }

    /// `path` as one word of `sh`.
    static func shellQuoted(_ path: String) -> String {
        "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
