import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// The rendered schemas against real tools and real encoder output: `python3 -m jsonschema`'s validator and DuckDB.
@Suite struct SchemaWarehouseTests {
    static func allRows() throws -> [SchemaFixtures.Row] {
        try SchemaFixtures.fullRows() + SchemaFixtures.sparseRows() + SchemaFixtures.rejectRows()
    }

    @Test func fixturesCoverValuesAndNulls() throws {
        let full = try SchemaFixtures.fullRows()
        #expect(Set(full.map(\.table)) == Set(Table.dataTables))
        for row in full {
            #expect(try SchemaFixtures.nullColumns(row.line) == [], "\(row.table): every column holds a value")
        }
        #expect(full.contains { $0.line.contains(#""code":"unknown_code""#) }, "a non-empty issues list")
        for row in try SchemaFixtures.sparseRows() {
            let list = Columns.of(row.table)
            // A filing needs an issuer: the sparse one gives only its name.
            let nullable = list.columns.filter { $0.nullable && $0.name != "issuer_name" }.map(\.name).sorted()
            #expect(try SchemaFixtures.nullColumns(row.line) == nullable, "\(row.table): null wherever allowed")
        }
        let rejects = SchemaFixtures.rejectRows()
        #expect(try SchemaFixtures.nullColumns(rejects[0].line) == [])
        #expect(try SchemaFixtures.nullColumns(rejects[1].line) == ["excerpt", "filing_id"])
    }

    static let validate = """
        import json, sys, jsonschema
        document = json.load(open(sys.argv[1]))
        Validator = jsonschema.Draft202012Validator
        Validator.check_schema(document)
        results = []
        for table, line in json.load(open(sys.argv[2])):
            validator = Validator(document["$defs"][table], format_checker=Validator.FORMAT_CHECKER)
            results.append(sorted(error.message for error in validator.iter_errors(json.loads(line))))
        print(json.dumps(results))
        """

    /// The validator's error messages for each (table, line).
    static func validationErrors(_ rows: [(String, String)]) throws -> [[String]] {
        let folder = try SchemaPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("schema.json")
        let input = folder.appendingPathComponent("rows.json")
        try SchemaRenderer.render(.jsonSchema).write(to: schema, atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: rows.map { [$0.0, $0.1] }).write(to: input)
        let run = try #require(SchemaPython.run(validate, [schema.path, input.path]))
        try #require(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]])
    }

    /// `line` with `change` applied to its top-level object.
    static func mutate(_ line: String, _ change: (inout [String: Any]) -> Void) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        change(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(.enabled(if: SchemaPython.hasJSONSchema, "python3 with jsonschema is not available: skipping"))
    func jsonSchemaAcceptsEncodedRowsAndRefusesBrokenOnes() throws {
        let rows = try Self.allRows()
        let errors = try Self.validationErrors(rows.map { ($0.table.warehouseName, $0.line) })
        for (row, messages) in zip(rows, errors) {
            #expect(messages == [], "\(row.table): \(row.line)")
        }

        let filing = try #require(rows.first { $0.table == .filings }).line
        let transaction = try #require(rows.first { $0.table == .nonDerivativeTransactions }).line
        // Contract 1.1: a recovered document's issue on the filings row, and a footnote in a group element.
        let accepted: [(String, String)] = [
            ("filings", try Self.mutate(filing) {
                $0["issues"] = [["field": "document", "code": "recovered_xml", "raw": "xmlParseEntityRef: no name"]]
            }),
            ("non_derivative_transactions", try Self.mutate(transaction) {
                $0["footnote_ids"] = ["transaction_amounts": ["F2"], "ownership_nature": ["F3"]]
            }),
        ]
        for (row, messages) in zip(accepted, try Self.validationErrors(accepted)) {
            #expect(messages == [], "refused a valid row: \(row.1)")
        }

        let broken: [(String, String)] = [
            ("filings", try Self.mutate(filing) { $0["extra"] = 1 }),
            ("filings", try Self.mutate(filing) { $0["issuer_cik"] = nil }),
            ("filings", try Self.mutate(filing) { $0["issuer_cik"] = "1023731" }),
            ("filings", try Self.mutate(filing) { $0["period_of_report"] = "11/10/2003" }),
            ("filings", try Self.mutate(filing) { $0["form_type"] = "8-K" }),
            ("filings", try Self.mutate(filing) { $0["source"] = ["archive": "a", "member": NSNull()] }),
            ("non_derivative_transactions", try Self.mutate(transaction) { $0["shares"] = "12629.042" }),
            ("non_derivative_transactions", try Self.mutate(transaction) { $0["row_index"] = 0 }),
            ("non_derivative_transactions", try Self.mutate(transaction) { $0["equity_swap_involved"] = "0" }),
            ("non_derivative_transactions", try Self.mutate(transaction) { $0["footnote_ids"] = ["filing_id": ["F1"]] }),
            ("non_derivative_transactions", try Self.mutate(transaction) { $0["issues"] = [["field": "shares"]] }),
            // unknown_element belongs to filings, and its field is a path.
            (
                "non_derivative_transactions",
                try Self.mutate(transaction) { $0["issues"] = [["field": "shares", "code": "unknown_element", "raw": ""]] }
            ),
            ("filings", try Self.mutate(filing) { $0["issues"] = [["field": "a b", "code": "unknown_element", "raw": ""]] }),
            ("filings", try Self.mutate(filing) { $0["issues"] = [["field": "x/y", "code": "invalid_date", "raw": ""]] }),
            ("filings", try Self.mutate(filing) { $0["issues"] = [["field": "shares", "code": "recovered_xml", "raw": ""]] }),
            ("filings", try Self.mutate(filing) { $0["footnote_ids"] = ["transaction_amounts": ["F1"]] }),
        ]
        for (row, messages) in zip(broken, try Self.validationErrors(broken)) {
            #expect(!messages.isEmpty, "accepted a broken row: \(row.1)")
        }
    }

    static let load = """
        import duckdb, gzip, json, os, sys
        folder, files, script, queries = sys.argv[1], json.load(open(sys.argv[2])), open(sys.argv[3]).read(), json.load(open(sys.argv[4]))
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(folder, path)), exist_ok=True)
            with (gzip.open if path.endswith(".gz") else open)(os.path.join(folder, path), "wt", encoding="utf-8") as f:
                f.write(text)
        os.chdir(folder)
        con = duckdb.connect()
        con.execute(script)
        print(json.dumps([[[str(v) for v in row] for row in con.sql(q).fetchall()] for q in queries]))
        """

    /// A plan of one source, `test`, whose files are `paths` (relative to the folder the load runs in).
    static func plan(_ paths: some Sequence<String>) -> LoadPlan {
        var files: [Table: [String]] = [:]
        for path in paths.sorted() {
            let folder = String(path.split(separator: "/")[1])
            files[Table(warehouseName: folder)!, default: []].append(path)
        }
        return LoadPlan(sources: [.init(key: "test", files: files)])
    }

    @Test(.enabled(if: DuckDBVersions.available, "\(DuckDBVersions.skipReason)"), arguments: DuckDBVersions.interpreters)
    func duckdbCreatesTheTablesAndLoadsThePartitionedRowsTyped(_ duckdb: DuckDBVersions.Interpreter) throws {
        let rows = try Self.allRows()
        var files: [String: String] = [:]
        for row in rows {
            files["OUT/\(row.table.folder)/\(row.partition)/part-test-00000.ndjson.gz", default: ""] += row.line + "\n"
        }
        let checks: [(query: String, expected: [[String]])] = [
            (
                "SELECT " + Table.allCases.map { "(SELECT count(*) FROM \($0.warehouseName))" }.joined(separator: ", "),
                [Table.allCases.map { table in String(rows.filter { $0.table == table }.count) }]
            ),
            (
                """
                SELECT typeof(shares), shares::VARCHAR, price_per_share::VARCHAR,
                    value_owned_following_transaction::VARCHAR, typeof(transaction_date), transaction_date::VARCHAR,
                    typeof(equity_swap_involved), equity_swap_involved::VARCHAR, typeof(row_index),
                    typeof(footnote_ids), footnote_ids['price_per_share']::VARCHAR, typeof(issues),
                    issues[1].field || '/' || issues[1].code || '/' || issues[1].raw
                FROM non_derivative_transactions WHERE shares IS NOT NULL
                """,
                [[
                    "DECIMAL(38,18)", "12629.042000000000000000", "3.945900000000000000", "0.000000000000000001",
                    "DATE", "2003-11-10", "BOOLEAN", "false", "INTEGER", "MAP(VARCHAR, VARCHAR[])", "[F1, F2]",
                    "STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[]", "transaction_code/unknown_code/q",
                ]]
            ),
            (
                """
                SELECT typeof(acceptance_datetime), acceptance_datetime = TIMESTAMPTZ '2003-11-12 22:02:10+00',
                    typeof(source), source.member, typeof(issuer_cik), issuer_cik, date_of_original_submission::VARCHAR
                FROM filings WHERE acceptance_datetime IS NOT NULL
                """,
                [[
                    "TIMESTAMP WITH TIME ZONE", "True", "STRUCT(archive VARCHAR, member VARCHAR, document_sequence VARCHAR)",
                    "0001181431-03-041285.nc", "VARCHAR", "0001023731", "2003-11-01",
                ]]
            ),
            (
                // The X0609 columns.
                """
                SELECT typeof(f.issuer_foreign_trading_symbol), f.issuer_foreign_trading_symbol, typeof(o.non_us_address),
                    o.non_us_address::VARCHAR, typeof(o.non_us_state_territory), o.non_us_state_territory,
                    typeof(o.country), o.country
                FROM filings f JOIN reporting_owners o USING (filing_id) WHERE o.country IS NOT NULL
                """,
                [["VARCHAR", "ACME.L", "BOOLEAN", "false", "VARCHAR", "ILE-DE-FRANCE", "VARCHAR", "FR"]]
            ),
            (
                "SELECT count(*), count(filing_id), count(excerpt), min(error_code) FROM rejects",
                [["2", "1", "1", "malformed_xml"]]
            ),
            (
                "SELECT year, month, typeof(year), count(*) FROM "
                    + DuckDBLoad.readJSON(.signatures, out: "OUT", partitions: .month)
                    + " GROUP BY ALL ORDER BY ALL",
                [["2003", "11", "VARCHAR", "1"], ["unknown", "unknown", "VARCHAR", "1"]]
            ),
        ]

        let results = try Self.query(duckdb, files: files, plan: Self.plan(files.keys), queries: checks.map(\.query)).get()
        for (check, result) in zip(checks, results) {
            #expect(result == check.expected, "\(duckdb): \(check.query)")
        }
    }

    /// `readJSON` finds the parts of a `--compression none` run (`.ndjson`), and only those of the compression asked for.
    @Test(.enabled(if: DuckDBVersions.available, "\(DuckDBVersions.skipReason)"), arguments: DuckDBVersions.interpreters)
    func duckdbReadsUncompressedPartsInPlace(_ duckdb: DuckDBVersions.Interpreter) throws {
        let signatures = try Self.allRows().filter { $0.table == .signatures }
        try #require(signatures.count >= 2)
        let files = [
            "OUT/signatures/year=2003/month=11/part-a-00000.ndjson": signatures[0].line + "\n",
            "OUT/signatures/year=2003/month=11/part-b-00000.ndjson.gz": signatures[1].line + "\n",
        ]
        let queries = Compression.allCases.map { compression in
            "SELECT count(*), min(month) FROM "
                + DuckDBLoad.readJSON(.signatures, out: "OUT", partitions: .month, compression: compression)
        }
        let results = try Self.query(duckdb, files: files, plan: LoadPlan(sources: []), queries: queries).get()
        #expect(results == [[["1", "11"]], [["1", "11"]]], "\(duckdb)")
    }

    /// Writes `files` (path → text, gzipped when the path ends in `.gz`) into a fresh folder, runs the load of `plan`
    /// there, then `queries`: each query's rows as text, or DuckDB's error.
    static func query(
        _ duckdb: DuckDBVersions.Interpreter, files: [String: String], plan: LoadPlan, queries: [String]
    ) throws -> Result<[[[String]]], DuckDBError> {
        let folder = try SchemaPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let filesURL = folder.appendingPathComponent("files.json")
        let scriptURL = folder.appendingPathComponent("load.sql")
        let queriesURL = folder.appendingPathComponent("queries.json")
        try JSONSerialization.data(withJSONObject: files).write(to: filesURL)
        try DuckDBLoad.script(plan: plan).write(to: scriptURL, atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: queries).write(to: queriesURL)
        let run = try #require(
            ProcessRun.run(duckdb.python, ["-c", Self.load, folder.path, filesURL.path, scriptURL.path, queriesURL.path]))
        guard run.status == 0 else { return .failure(DuckDBError(message: run.stderr)) }
        return .success(try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[[String]]]))
    }

    /// Runs the load of one non-derivative transaction per `shares` value; the loaded values as text, or the error.
    static func loadShares(_ values: [String], with duckdb: DuckDBVersions.Interpreter) throws -> Result<[String], DuckDBError> {
        let template = try #require(try SchemaFixtures.fullRows().first { $0.table == .nonDerivativeTransactions })
        let marker = #""shares":12629.042,"#
        try #require(template.line.contains(marker))
        let lines = values.enumerated().map { i, value in
            template.line.replacingOccurrences(of: marker, with: #""shares":\#(value),"#)
                .replacingOccurrences(of: #""row_index":1,"#, with: #""row_index":\#(i + 1),"#)
        }
        let path = "OUT/\(Table.nonDerivativeTransactions.folder)/year=2003/month=11/part-test-00000.ndjson.gz"
        return try query(
            duckdb, files: [path: lines.joined(separator: "\n") + "\n"], plan: plan([path]),
            queries: ["SELECT shares::VARCHAR FROM non_derivative_transactions ORDER BY row_index"]
        ).map { $0[0].map { $0[0] } }
    }

    struct DuckDBError: Error { var message: String }

    /// Every value DECIMAL(38,18) holds loads with its exact digits, on DuckDB 1.4 too, where the JSON reader
    /// parses numbers as doubles (`1566.507` came back as `1566.507000000000032768`). Values past the type's
    /// limits fail the load, naming the value, and are never rounded.
    @Test(.enabled(if: DuckDBVersions.available, "\(DuckDBVersions.skipReason)"), arguments: DuckDBVersions.interpreters)
    func duckdbDecimalsAreExactOrTheLoadFails(_ duckdb: DuckDBVersions.Interpreter) throws {
        let exact = [
            "1566.507", "0.123456789012345678", "12345678901234567890.5",
            "99999999999999999999.999999999999999999", "-99999999999999999999.999999999999999999",
            "0.000000000000000001", "9007199254740993", "0.300000000000000044", "12629.042", "-5.25", "0",
            "0.100000000000000000000000000000",
        ]
        let loaded = try Self.loadShares(exact, with: duckdb).get()
        let expected = [
            "1566.507000000000000000", "0.123456789012345678", "12345678901234567890.500000000000000000",
            "99999999999999999999.999999999999999999", "-99999999999999999999.999999999999999999",
            "0.000000000000000001", "9007199254740993.000000000000000000", "0.300000000000000044",
            "12629.042000000000000000", "-5.250000000000000000", "0.000000000000000000", "0.100000000000000000",
        ]
        #expect(loaded == expected, "\(duckdb)")

        for beyond in ["0.1234567890123456789", "123456789012345678901"] {
            switch try Self.loadShares([beyond], with: duckdb) {
            case .success(let values): Issue.record("\(duckdb): \(beyond) loaded as \(values) instead of failing")
            case .failure(let error): #expect(error.message.contains(beyond), "\(duckdb): \(error.message)")
            }
        }
    }
}
