import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

@Suite struct SchemaRendererTests {
    /// The column names of each table as a dialect printed them, read back from its output.
    static func columnsPrinted(by dialect: SchemaDialect) throws -> [String: [String]] {
        let text = SchemaRenderer.render(dialect)
        switch dialect {
        case .jsonSchema:
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let defs = try #require(document["$defs"] as? [String: [String: Any]])
            return try defs.mapValues { schema in
                let required = try #require(schema["required"] as? [String])
                let properties = try #require(schema["properties"] as? [String: Any])
                #expect(Set(properties.keys) == Set(required), "every property is required and nothing else")
                return required
            }
        case .duckdb, .postgres:
            var result: [String: [String]] = [:]
            var current: String?
            for line in text.split(separator: "\n") {
                if line.hasPrefix("CREATE TABLE ") {
                    current = String(line.dropFirst("CREATE TABLE ".count).prefix { $0 != " " })
                    result[current!] = []
                } else if line == ");" {
                    current = nil
                } else if let table = current {
                    result[table]!.append(String(line.drop { $0 == " " }.prefix { $0 != " " }))
                }
            }
            return result
        case .bigquery:
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try document.mapValues { fields in
                try #require(fields as? [[String: Any]]).map { $0["name"] as? String ?? "?" }
            }
        case .spark:
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
            return document.mapValues(topLevelFields)
        case .markdown:
            var result: [String: [String]] = [:]
            var current: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("### ") {
                    current = String(line.dropFirst(4))
                    result[current!] = []
                } else if line.hasPrefix("## ") {
                    current = nil
                } else if let table = current, line.hasPrefix("| `") {
                    result[table]!.append(String(line.dropFirst(3).prefix { $0 != "`" }))
                }
            }
            return result
        }
    }

    /// The field names of a Spark DDL string: the first word of each comma-separated part outside `<…>` and `(…)`.
    static func topLevelFields(_ ddl: String) -> [String] {
        var fields: [String] = []
        var depth = 0
        var part = ""
        for ch in ddl + "," {
            switch ch {
            case "<", "(": depth += 1
            case ">", ")": depth -= 1
            case "," where depth == 0:
                fields.append(String(part.drop { $0 == " " }.prefix { $0 != " " }))
                part = ""
                continue
            default: break
            }
            part.append(ch)
        }
        return fields
    }

    @Test(arguments: SchemaDialect.allCases)
    func everyTableHasEveryColumnInOrder(_ dialect: SchemaDialect) throws {
        let printed = try Self.columnsPrinted(by: dialect)
        #expect(printed.keys.sorted() == Table.allCases.map(\.warehouseName).sorted())
        for table in Table.allCases {
            #expect(printed[table.warehouseName] == Columns.of(table).names, "\(dialect) \(table)")
        }
        #expect(printed["_rejects"] == nil)
    }

    @Test(arguments: SchemaDialect.allCases)
    func outputIsDeterministicAndSelectable(_ dialect: SchemaDialect) throws {
        #expect(SchemaRenderer.render(dialect) == SchemaRenderer.render(dialect))
        let one = SchemaRenderer.render(dialect, tables: [.signatures])
        #expect(one.contains("signature_index"))
        #expect(!one.contains("owner_index"))
        #expect(one.hasSuffix("\n"))
    }

    @Test func duckdbTypes() {
        let sql = SchemaRenderer.render(.duckdb)
        for line in [
            "CREATE TABLE filings (",
            "    filing_id VARCHAR NOT NULL,",
            "    acceptance_datetime TIMESTAMPTZ,",
            "    issuer_cik VARCHAR,",
            "    aff10b5_one BOOLEAN,",
            "    source STRUCT(archive VARCHAR, member VARCHAR, document_sequence VARCHAR) NOT NULL,",
            "    owner_index INTEGER NOT NULL,",
            "    price_per_share DECIMAL(38,18),",
            "    transaction_date DATE,",
            "    footnote_ids MAP(VARCHAR, VARCHAR[]) NOT NULL,",
            "    issues STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[] NOT NULL",
            "CREATE TABLE rejects (",
            "    filing_id VARCHAR,",
            "    excerpt VARCHAR\n);",
        ] {
            #expect(sql.contains(line + (line.hasSuffix("(") ? "\n" : "")), "\(line)")
        }
    }

    @Test func postgresTypes() {
        let sql = SchemaRenderer.render(.postgres)
        for line in [
            "    filing_id TEXT NOT NULL,", "    acceptance_datetime TIMESTAMPTZ,", "    shares NUMERIC,",
            "    signature_date DATE,", "    is_director BOOLEAN,", "    row_index INTEGER NOT NULL,",
            "    source JSONB NOT NULL,", "    footnote_ids JSONB NOT NULL,", "    issues JSONB NOT NULL\n);",
        ] {
            #expect(sql.contains(line), "\(line)")
        }
    }

    @Test func sparkDDL() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(SchemaRenderer.render(.spark).utf8)) as? [String: String])
        #expect(
            document["signatures"]
                == "filing_id STRING, signature_index INT, signature_name STRING, signature_date DATE, "
                + "issues ARRAY<STRUCT<field: STRING, code: STRING, raw: STRING>>")
        let filings = try #require(document["filings"])
        #expect(filings.contains("acceptance_datetime TIMESTAMP, issuer_cik STRING,"))
        #expect(filings.contains("source STRUCT<archive: STRING, member: STRING, document_sequence: STRING>,"))
        #expect(document["derivative_holdings"]?.contains("conversion_or_exercise_price DECIMAL(38,18),") == true)
        #expect(document["derivative_holdings"]?.contains("footnote_ids MAP<STRING, ARRAY<STRING>>,") == true)
    }

    @Test func bigqueryFields() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(SchemaRenderer.render(.bigquery).utf8)) as? [String: Any])
        func field(_ table: String, _ name: String) throws -> [String: Any] {
            let fields = try #require(document[table] as? [[String: Any]])
            return try #require(fields.first { $0["name"] as? String == name }, "\(table).\(name)")
        }
        func typeAndMode(_ table: String, _ name: String) throws -> String {
            let f = try field(table, name)
            return "\(f["type"] as? String ?? "?") \(f["mode"] as? String ?? "?")"
        }
        #expect(try typeAndMode("filings", "filing_id") == "STRING REQUIRED")
        #expect(try typeAndMode("filings", "acceptance_datetime") == "TIMESTAMP NULLABLE")
        #expect(try typeAndMode("filings", "period_of_report") == "DATE NULLABLE")
        #expect(try typeAndMode("filings", "no_securities_owned") == "BOOLEAN NULLABLE")
        #expect(try typeAndMode("non_derivative_transactions", "shares") == "BIGNUMERIC NULLABLE")
        #expect(try typeAndMode("non_derivative_transactions", "row_index") == "INTEGER REQUIRED")
        #expect(try typeAndMode("non_derivative_transactions", "footnote_ids") == "JSON NULLABLE")
        #expect(try typeAndMode("non_derivative_transactions", "issues") == "RECORD REPEATED")
        let issueFields = try #require(try field("footnotes", "issues")["fields"] as? [[String: String]])
        #expect(issueFields.map { $0["name"] ?? "?" } == ["field", "code", "raw"])
        let source = try #require(try field("rejects", "source")["fields"] as? [[String: String]])
        #expect(source.map { "\($0["name"] ?? "?") \($0["type"] ?? "?") \($0["mode"] ?? "?")" } == [
            "archive STRING REQUIRED", "member STRING NULLABLE", "document_sequence STRING NULLABLE",
        ])
    }

    @Test func jsonSchemaTypes() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(SchemaRenderer.render(.jsonSchema).utf8)) as? [String: Any])
        #expect(document["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(document["$defs"] as? [String: [String: Any]])
        func property(_ table: String, _ name: String) throws -> NSDictionary {
            let properties = try #require(defs[table]?["properties"] as? [String: Any])
            return try #require(properties[name] as? NSDictionary, "\(table).\(name)")
        }
        #expect(defs["filings"]?["additionalProperties"] as? Bool == false)
        #expect(try property("filings", "issuer_cik") == ["type": ["string", "null"], "pattern": "^[0-9]{10}$"])
        #expect(
            try property("filings", "period_of_report")
                == ["type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])
        #expect(try property("filings", "form_type") == ["type": "string", "enum": ["3", "3/A", "4", "4/A", "5", "5/A"]])
        #expect(try property("derivative_transactions", "total_value") == ["type": ["number", "null"]])
        #expect(try property("signatures", "signature_index") == ["type": "integer", "minimum": 1])
        #expect(try property("reporting_owners", "is_other") == ["type": ["boolean", "null"]])
        let footnoteIDs = try property("non_derivative_holdings", "footnote_ids")
        #expect(
            (footnoteIDs["propertyNames"] as? NSDictionary)?["enum"] as? [String] == [
                "security_title", "transaction_form_type", "shares_owned_following_transaction",
                "value_owned_following_transaction", "direct_or_indirect_ownership", "nature_of_ownership",
                // (1.1) group elements a footnote reference may stand in directly
                "transaction_amounts", "post_transaction_amounts", "ownership_nature", "underlying_security",
            ])
        #expect(try property("rejects", "error_code")["enum"] as? [String] == RejectCode.allCases.map(\.rawValue))
    }

    /// docs/TABLES.md is what `edgar-etl schema --format markdown` prints: regenerate it when the columns change.
    @Test func tablesDocumentIsGeneratedFromTheColumns() throws {
        let path = Corpus.packageRoot.appendingPathComponent("docs/TABLES.md").path
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(onDisk == SchemaRenderer.render(.markdown), "docs/TABLES.md is stale: edgar-etl schema --format markdown > docs/TABLES.md")
        for code in RejectCode.allCases.map(\.rawValue) + ValueIssueCode.allCases.map(\.rawValue)
            + ["duplicate_filing", "recovered_xml", "unknown_element"] {
            #expect(onDisk.contains("| `\(code)` | "), "\(code) is not documented")
        }
        for topic in ["## Files on disk", "## Keys", "## Values", "## Layouts", "`html`", "_manifests/", "source-key"] {
            #expect(onDisk.contains(topic))
        }
    }

    @Test func commandSupport() throws {
        #expect(SchemaCommand.formats == ["json-schema", "duckdb", "bigquery", "postgres", "spark", "markdown"])
        #expect(try SchemaCommand.output(format: "duckdb") == SchemaRenderer.render(.duckdb))
        // Named tables come out in the contract's order, once each; `_rejects` is the folder name of `rejects`.
        #expect(
            try SchemaCommand.output(format: "postgres", tables: ["_rejects", "filings", "rejects"])
                == SchemaRenderer.render(.postgres, tables: [.filings, .rejects]))
        #expect(throws: SchemaCommandError.self) { try SchemaCommand.output(format: "mysql") }
        #expect(throws: SchemaCommandError.self) { try SchemaCommand.output(format: "spark", tables: ["owners"]) }
        #expect(SchemaCommand.usage.contains("json-schema|duckdb|bigquery|postgres|spark|markdown"))
    }

    @Test func loadScriptReadsEveryColumnTyped() {
        let read = DuckDBLoad.readJSON(.signatures, out: "/data/it's out", partitions: .month)
        #expect(
            read
                == "read_json('/data/it''s out/signatures/**/*.ndjson.gz', format = 'newline_delimited', columns = "
                + "{'filing_id': 'VARCHAR', 'signature_index': 'INTEGER', 'signature_name': 'VARCHAR', "
                + "'signature_date': 'DATE', 'issues': 'STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[]'}, "
                + "hive_partitioning = true, hive_types = {'year': 'VARCHAR', 'month': 'VARCHAR'})")
        #expect(DuckDBLoad.readJSON(.rejects, out: "OUT").hasPrefix("read_json('OUT/_rejects/**/*.ndjson.gz'"))
        #expect(DuckDBLoad.readJSON(.rejects, out: "OUT").hasSuffix("hive_partitioning = false)"))
    }
}
