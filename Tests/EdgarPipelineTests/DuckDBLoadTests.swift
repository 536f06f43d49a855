import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTransformers
import EdgarZlib
import Foundation
import Testing

/// Loads a run's output into a real DuckDB with the generated DDL: the contract holds for a warehouse.
@Suite struct DuckDBLoadTests {
    static let duckDBAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import duckdb"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs python3 with DuckDB over `script` (SQL), returning the printed JSON.
    func duckdb(_ sql: String, queries: [String: String]) throws -> [String: Any] {
        let folder = OutputTree.temporaryFolder("duckdb")
        try sql.write(toFile: folder + "/load.sql", atomically: true, encoding: .utf8)
        let queryJSON = String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self)
        let program = """
            import duckdb, json, sys
            c = duckdb.connect()
            c.execute(open(sys.argv[1]).read())
            out = {}
            for name, q in json.loads(sys.argv[2]).items():
                out[name] = [[str(v) for v in row] for row in c.sql(q).fetchall()]
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program, folder + "/load.sql", queryJSON]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DuckDBFailure(message: errorText) }
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    struct DuckDBFailure: Error { var message: String }

    @Test(.enabled(if: duckDBAvailable, "python3 -c 'import duckdb' fails: pip install duckdb to run the warehouse load test"))
    func sampleRunLoadsWithDeclaredTypesCountsAndSums() throws {
        let folder = OutputTree.temporaryFolder("warehouse")
        var builder = FeedBuilder(seed: 77, filingDate: "20031112", textRenderer: { TextLayoutRenderer.render($0) })
        // 1,200 filings: the non-derivative part passes 1 MiB of rows, so it is a multi-member gzip file (the writer
        // compresses 1 MiB slices), which DuckDB must read whole.
        let truth = try builder.writeTarGz(to: folder + "/20031112.nc.tar.gz", count: 1200)
        let out = folder + "/out"
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [folder + "/20031112.nc.tar.gz"])
        #expect(report.allCommitted)
        let inflated = try OutputTree.files(out).filter { $0.key.hasPrefix(Table.nonDerivativeTransactions.folder + "/") }
            .map { try $0.value.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip).count } }
        #expect(inflated.contains { $0 > 1 << 20 }, "no part spans two gzip members: \(inflated)")

        let present = Table.allCases.filter { FileManager.default.fileExists(atPath: out + "/" + $0.folder) }
        var queries: [String: String] = [:]
        for table in present { queries["count_" + table.warehouseName] = "SELECT count(*) FROM \(table.warehouseName)" }
        queries["types"] = """
            SELECT typeof(shares), typeof(price_per_share), typeof(transaction_date), typeof(footnote_ids), typeof(issues),
                   typeof(equity_swap_involved) FROM non_derivative_transactions LIMIT 1
            """
        queries["filing_types"] = "SELECT typeof(acceptance_datetime), typeof(source), typeof(period_of_report) FROM filings LIMIT 1"
        queries["sum_shares"] = "SELECT sum(shares)::VARCHAR FROM non_derivative_transactions"
        queries["sum_prices"] = "SELECT sum(price_per_share)::VARCHAR FROM non_derivative_transactions"
        queries["sum_underlying"] = "SELECT sum(underlying_security_shares)::VARCHAR FROM derivative_transactions"
        let result = try duckdb(DuckDBLoad.script(out: out, tables: present), queries: queries)

        // Row counts equal the manifest's.
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + (try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests")).first { $0.hasPrefix("20031112.nc.tar.gz-") }!))) as! [String: Any]
        let manifestRows = manifest["rows"] as! [String: Int]
        for table in present where table != .rejects {
            let counted = (result["count_" + table.warehouseName] as! [[String]])[0][0]
            #expect(Int(counted) == manifestRows[table.rawValue], "\(table)")
        }
        // Declared types, not guesses.
        let types = (result["types"] as! [[String]])[0]
        #expect(types == [
            "DECIMAL(38,18)", "DECIMAL(38,18)", "DATE", "MAP(VARCHAR, VARCHAR[])",
            "STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[]", "BOOLEAN",
        ])
        #expect((result["filing_types"] as! [[String]])[0][0].hasPrefix("TIMESTAMP"))
        #expect((result["filing_types"] as! [[String]])[0][2] == "DATE")

        // Sums computed from the models the archive was made from, in exact decimal arithmetic.
        let documents = truth.members.compactMap(\.document)
        func sum(_ values: [String?]) -> Decimal {
            values.compactMap { $0 }.compactMap { Decimal(string: $0.replacingOccurrences(of: ",", with: "")) }.reduce(0, +)
        }
        let shares = sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.shares.value) })
        let prices = sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.pricePerShare.value) })
        let underlying = sum(documents.flatMap { $0.derivativeTransactions.map(\.underlyingSecurityShares.value) })
        func loaded(_ key: String) -> Decimal { Decimal(string: (result[key] as! [[String]])[0][0]) ?? -1 }
        #expect(loaded("sum_shares") == shares)
        #expect(loaded("sum_prices") == prices)
        #expect(loaded("sum_underlying") == underlying)
    }
}
