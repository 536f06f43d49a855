import EdgarCore

/// What `edgar-etl schema` does, for the CLI to call: `--format <dialect>` picks the dialect, optional table
/// names (`filings`, `rejects` or `_rejects`, …) narrow the output; the result goes to stdout as is.
public enum SchemaCommand {
    /// The accepted `--format` values, in a stable order.
    public static let formats: [String] = SchemaDialect.allCases.map(\.rawValue)

    public static let usage = """
        usage: edgar-etl schema --format <\(formats.joined(separator: "|"))> [table …]
          Prints the output tables (all of them, or the ones named) as warehouse schemas:
            json-schema  one JSON Schema document; $defs.<table> validates one NDJSON row
            duckdb       CREATE TABLE statements
            bigquery     {"<table>": [fields]}: each value is a `bq load --schema` file
            postgres     CREATE TABLE statements (nested columns as jsonb)
            spark        {"<table>": "<DDL>"}: each value is a spark.read.schema(...) string
            markdown     docs/TABLES.md: files on disk, keys, value rules, columns, reject and issue codes
          Tables: \(Table.allCases.map(\.warehouseName).joined(separator: ", "))
        """

    /// The schema text for `format` and the named tables (all tables when `tables` is empty).
    public static func output(format: String, tables: [String] = []) throws(SchemaCommandError) -> String {
        guard let dialect = SchemaDialect(rawValue: format) else {
            throw SchemaCommandError("unknown schema format '\(format)': use one of \(formats.joined(separator: ", "))")
        }
        var selected: [Table] = []
        for name in tables {
            guard let table = Table(warehouseName: name) else {
                let known = Table.allCases.map(\.warehouseName).joined(separator: ", ")
                throw SchemaCommandError("unknown table '\(name)': use one of \(known)")
            }
            if !selected.contains(table) { selected.append(table) }
        }
        // The contract's order, whatever order the tables were named in.
        return SchemaRenderer.render(dialect, tables: selected.isEmpty ? Table.allCases : selected.sorted())
    }
}

/// A usage error of `edgar-etl schema`; `message` is meant for stderr.
public struct SchemaCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
