import EdgarCore

/// `CREATE TABLE` statements, one per table, with `NOT NULL` where the encoder never writes null.
enum SQLTables {
    /// With `forLoad`, the statements a re-runnable load needs: `IF NOT EXISTS`, and the column `source_key` (typed
    /// `keyType`) that tells whose rows a re-load replaces.
    static func render(
        _ tables: [Table], dialect: String, type: (ColumnType) -> String, forLoad keyType: String? = nil
    ) -> String {
        var out = "-- edgar-etl output tables, contract version \(Versions.contract) (\(dialect))\n"
        for table in tables {
            var columns = Columns.of(table).columns.map { ($0.name, type($0.type) + ($0.nullable ? "" : " NOT NULL")) }
            if let keyType { columns.append((LoadPlan.sourceKeyColumn, keyType)) }
            out += "\nCREATE TABLE \(keyType == nil ? "" : "IF NOT EXISTS ")\(table.warehouseName) (\n"
            for (i, column) in columns.enumerated() {
                out += "    \(column.0) \(column.1)"
                out += i < columns.count - 1 ? ",\n" : "\n"
            }
            out += ");\n"
        }
        return out
    }
}

/// DuckDB: nested columns are real nested types, so the rows load as they are with `read_json`.
enum DuckDBDialect {
    static func render(_ tables: [Table]) -> String { SQLTables.render(tables, dialect: "DuckDB", type: type) }

    static func type(_ type: ColumnType) -> String {
        switch type {
        case .filingID, .accessionNumber, .string, .code, .formType, .layout, .cik, .rejectStage, .rejectCode:
            "VARCHAR"
        case .date: "DATE"
        case .timestamp: "TIMESTAMPTZ"
        case .decimal: "DECIMAL(\(SchemaRenderer.decimalPrecision),\(SchemaRenderer.decimalScale))"
        case .boolean: "BOOLEAN"
        case .index: "INTEGER"
        case .source: "STRUCT(archive VARCHAR, member VARCHAR, document_sequence VARCHAR)"
        case .footnoteIDs: "MAP(VARCHAR, VARCHAR[])"
        case .issues: "STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[]"
        }
    }
}

/// Postgres: nested columns are `jsonb` (a row loads with `jsonb_populate_record(NULL::<table>, line::jsonb)`);
/// decimals are unconstrained `NUMERIC`, which keeps every filed digit and the filed scale.
enum PostgresDialect {
    static func render(_ tables: [Table]) -> String { SQLTables.render(tables, dialect: "PostgreSQL", type: type) }

    static func type(_ type: ColumnType) -> String {
        switch type {
        case .filingID, .accessionNumber, .string, .code, .formType, .layout, .cik, .rejectStage, .rejectCode:
            "TEXT"
        case .date: "DATE"
        case .timestamp: "TIMESTAMPTZ"
        case .decimal: "NUMERIC"
        case .boolean: "BOOLEAN"
        case .index: "INTEGER"
        case .source, .footnoteIDs, .issues: "JSONB"
        }
    }
}

/// Spark: the DDL string of `spark.read.schema(…)`, one per table. No `NOT NULL`: Spark reads every file-source
/// column as nullable whatever the schema says.
enum SparkDialect {
    static func render(_ tables: [Table]) -> String {
        SchemaJSON.object(tables.map { ($0.warehouseName, .string(ddl(of: $0))) }).pretty() + "\n"
    }

    static func ddl(of table: Table) -> String {
        Columns.of(table).columns.map { "\($0.name) \(type($0.type))" }.joined(separator: ", ")
    }

    static func type(_ type: ColumnType) -> String {
        switch type {
        case .filingID, .accessionNumber, .string, .code, .formType, .layout, .cik, .rejectStage, .rejectCode:
            "STRING"
        case .date: "DATE"
        // Spark's TIMESTAMP is an instant (with local time zone semantics); the JSON reader honours the offset.
        case .timestamp: "TIMESTAMP"
        case .decimal: "DECIMAL(\(SchemaRenderer.decimalPrecision),\(SchemaRenderer.decimalScale))"
        case .boolean: "BOOLEAN"
        case .index: "INT"
        case .source: "STRUCT<archive: STRING, member: STRING, document_sequence: STRING>"
        case .footnoteIDs: "MAP<STRING, ARRAY<STRING>>"
        case .issues: "ARRAY<STRUCT<field: STRING, code: STRING, raw: STRING>>"
        }
    }
}
