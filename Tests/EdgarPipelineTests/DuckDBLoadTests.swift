import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTestSupport
import EdgarTransformers
import Foundation
import Testing

/// Loads a run's output into real DuckDBs, the 1.4 LTS line and the current release, with the generated load
/// script: declared types, exact decimals, counts per manifest, and a second load that changes nothing.
@Suite struct DuckDBLoadTests {
    /// Runs `load.sql` `loads` times into one database with `python`, then the queries; returns the printed JSON.
    static func duckdb(_ python: String, script: String, loads: Int, queries: [String: String]) throws -> [String: [[String]]] {
        let folder = OutputTree.temporaryFolder("duckdb")
        try script.write(toFile: folder + "/load.sql", atomically: true, encoding: .utf8)
        let queryJSON = String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self)
        let program = """
            import duckdb, json, sys
            c = duckdb.connect(sys.argv[1] + "/warehouse.duckdb")
            for _ in range(int(sys.argv[3])):
                c.execute(open(sys.argv[1] + "/load.sql").read())
            out = {}
            for name, q in json.loads(sys.argv[2]).items():
                out[name] = [[str(v) for v in row] for row in c.sql(q).fetchall()]
            print(json.dumps(out))
            """
        let run = try #require(ProcessRun.run(python, ["-c", program, folder, queryJSON, String(loads)]))
        guard run.status == 0 else { throw DuckDBFailure(message: run.stderr) }
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String]]])
    }

    struct DuckDBFailure: Error { var message: String }

    static let interpreters = DuckDBVersions.interpreters

    @Test(.enabled(if: DuckDBVersions.available, "\(DuckDBVersions.skipReason)"), arguments: interpreters)
    func sampleRunLoadsExactlyAndReloadsIdempotently(_ duckdb: DuckDBVersions.Interpreter) throws {
        let folder = OutputTree.temporaryFolder("warehouse")
        var builder = FeedBuilder(seed: 77, filingDate: "20031112", textRenderer: { TextLayoutRenderer.render($0) })
        // 1,200 filings: the non-derivative part passes 1 MiB of rows, so it is a multi-member gzip file (the writer
        // compresses 1 MiB slices), which DuckDB must read whole.
        let truth = try builder.writeTarGz(to: folder + "/20031112.nc.tar.gz", count: 1200)
        let out = folder + "/out"
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [folder + "/20031112.nc.tar.gz"])
        #expect(report.allCommitted)
        let inflated = OutputTree.files(out).filter { $0.key.hasPrefix(Table.nonDerivativeTransactions.folder + "/") }
            .map { try? $0.value.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip).count } }
        #expect(inflated.contains { ($0 ?? 0) > 1 << 20 }, "no part spans two gzip members: \(inflated)")
        // A stray part file no manifest lists (an interrupted re-run's orphan) must not be loaded.
        let stray = out + "/filings/year=2003/month=11/part-orphan-00000.ndjson.gz"
        try FileManager.default.copyItem(
            atPath: try #require(OutputTree.files(out).keys.first { $0.hasPrefix("filings/") }.map { out + "/" + $0 }),
            toPath: stray)

        var queries: [String: String] = [:]
        for table in Table.allCases { queries["count_" + table.warehouseName] = "SELECT count(*) FROM \(table.warehouseName)" }
        queries["types"] = """
            SELECT typeof(shares), typeof(price_per_share), typeof(transaction_date), typeof(footnote_ids), typeof(issues),
                   typeof(equity_swap_involved) FROM non_derivative_transactions LIMIT 1
            """
        queries["filing_types"] = "SELECT typeof(acceptance_datetime), typeof(source), typeof(period_of_report) FROM filings LIMIT 1"
        queries["sum_shares"] = "SELECT sum(shares)::VARCHAR FROM non_derivative_transactions"
        queries["sum_prices"] = "SELECT sum(price_per_share)::VARCHAR FROM non_derivative_transactions"
        queries["sum_underlying"] = "SELECT sum(underlying_security_shares)::VARCHAR FROM derivative_transactions"
        let script = DuckDBLoad.script(plan: try LoadPlan.read(out: out))
        let result = try Self.duckdb(duckdb.python, script: script, loads: 2, queries: queries)

        // Row counts equal the manifest's, after two loads; `rejects` exists though the run had none.
        let manifestName = try #require(try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests").first)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + manifestName))) as! [String: Any]
        let manifestRows = manifest["rows"] as! [String: Int]
        for table in Table.allCases {
            let counted = try #require(result["count_" + table.warehouseName]?.first?.first)
            #expect(Int(counted) == manifestRows[table.rawValue] ?? 0, "\(duckdb) \(table)")
        }
        // Declared types, not guesses.
        let types = try #require(result["types"]?.first)
        #expect(types == [
            "DECIMAL(38,18)", "DECIMAL(38,18)", "DATE", "MAP(VARCHAR, VARCHAR[])",
            "STRUCT(field VARCHAR, code VARCHAR, raw VARCHAR)[]", "BOOLEAN",
        ])
        #expect(try #require(result["filing_types"]?.first)[0].hasPrefix("TIMESTAMP"))
        #expect(try #require(result["filing_types"]?.first)[2] == "DATE")

        // Sums computed from the models the archive was made from, in exact decimal arithmetic.
        let documents = truth.members.compactMap(\.document)
        func sum(_ values: [String?]) -> Decimal {
            values.compactMap { $0 }.compactMap { Decimal(string: $0.replacingOccurrences(of: ",", with: "")) }.reduce(0, +)
        }
        let shares = sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.shares.value) })
        let prices = sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.pricePerShare.value) })
        let underlying = sum(documents.flatMap { $0.derivativeTransactions.map(\.underlyingSecurityShares.value) })
        func loaded(_ key: String) -> Decimal { Decimal(string: result[key]?.first?.first ?? "") ?? -1 }
        #expect(loaded("sum_shares") == shares, "\(duckdb)")
        #expect(loaded("sum_prices") == prices, "\(duckdb)")
        #expect(loaded("sum_underlying") == underlying, "\(duckdb)")
    }
}
