import EdgarCore

/// BigQuery: one JSON object `{"<table>": [fields…]}` whose values are the schema files of
/// `bq load --source_format=NEWLINE_DELIMITED_JSON --schema=<file>`.
///
/// - `footnote_ids` is `JSON`: BigQuery has no map type, and a JSON column takes the row's object as it is, so
///   the files load unchanged (a REPEATED RECORD of {column, ids} would need the rows rewritten first). It is
///   NULLABLE, the one mode every JSON column accepts; the rows never hold null there.
/// - `issues` is a REPEATED RECORD: the row's array of objects loads as it is (an empty array is an empty list).
/// - Decimals are BIGNUMERIC, exact to 38 decimals: NUMERIC's 9 decimals would round real filings.
enum BigQueryDialect {
    static func render(_ tables: [Table]) -> String {
        SchemaJSON.object(tables.map { ($0.warehouseName, .array(fields(of: $0))) }).pretty() + "\n"
    }

    static func fields(of table: Table) -> [SchemaJSON] {
        Columns.of(table).columns.map { column in
            switch column.type {
            case .source:
                record(column.name, mode: "REQUIRED", [
                    field("archive", "STRING", mode: "REQUIRED"), field("member", "STRING", mode: "NULLABLE"),
                    field("document_sequence", "STRING", mode: "NULLABLE"),
                ])
            case .issues:
                record(column.name, mode: "REPEATED", [
                    field("field", "STRING", mode: "REQUIRED"), field("code", "STRING", mode: "REQUIRED"),
                    field("raw", "STRING", mode: "REQUIRED"),
                ])
            case .footnoteIDs:
                field(column.name, "JSON", mode: "NULLABLE",
                      description: "Object from column name to the list of footnote ids, in document order.")
            default:
                field(column.name, type(column.type), mode: column.nullable ? "NULLABLE" : "REQUIRED")
            }
        }
    }

    static func type(_ type: ColumnType) -> String {
        switch type {
        case .filingID, .accessionNumber, .string, .code, .formType, .layout, .cik, .rejectStage, .rejectCode:
            "STRING"
        case .date: "DATE"
        // An instant: the offset in the row is honoured and the value is stored in UTC.
        case .timestamp: "TIMESTAMP"
        case .decimal: "BIGNUMERIC"
        case .boolean: "BOOLEAN"
        case .index: "INTEGER"
        case .source, .issues: "RECORD"
        case .footnoteIDs: "JSON"
        }
    }

    private static func field(_ name: String, _ type: String, mode: String, description: String? = nil) -> SchemaJSON {
        .object(
            [("name", .string(name)), ("type", .string(type)), ("mode", .string(mode))]
                + (description.map { [("description", .string($0))] } ?? []))
    }

    private static func record(_ name: String, mode: String, _ fields: [SchemaJSON]) -> SchemaJSON {
        .object([("name", .string(name)), ("type", .string("RECORD")), ("mode", .string(mode)), ("fields", .array(fields))])
    }
}
