import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTestSupport
import EdgarTransformers
import Foundation
import Testing

/// Loads a run's output into a real PostgreSQL with `edgar-etl schema --format postgres --load-from OUT`'s script:
/// counts per manifest, exact decimal sums against the generator's models, column types, and re-loads that
/// change nothing.
@Suite struct PostgresLoadTests {
    /// Started when the test's condition is evaluated, stopped by the test; nil with the reason when it cannot start.
    static let server = PostgresServer.start()
    static var skipReason: String {
        if case .failure(let why) = server { return "PostgreSQL cannot start here, skipping: \(why.reason)" }
        return ""
    }

    @Test(.enabled(if: (try? server.get()) != nil, "\(skipReason)"))
    func runOutputLoadsExactlyAndReloadsIdempotently() throws {
        let server = try Self.server.get()
        defer { server.stop() }
        let folder = OutputTree.temporaryFolder("postgres")
        let out = folder + "/out"
        // Two inputs into one OUT: a gzip run and a `--compression none` run, both loaded by manifest.
        var builder = FeedBuilder(seed: 41, filingDate: "20031112", textRenderer: { TextLayoutRenderer.render($0) })
        let first = try builder.writeTarGz(to: folder + "/20031112.nc.tar.gz", count: 300)
        var plainBuilder = FeedBuilder(seed: 42, filingDate: "20031113", textRenderer: { TextLayoutRenderer.render($0) })
        let second = try plainBuilder.writeTarGz(to: folder + "/20031113.nc.tar.gz", count: 200)
        #expect(try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [folder + "/20031112.nc.tar.gz"]).allCommitted)
        var plain = PipelineOptions(output: out, jobs: 2)
        plain.compression = .none
        #expect(try Pipeline(options: plain).run(inputs: [folder + "/20031113.nc.tar.gz"]).allCommitted)
        #expect(OutputTree.files(out).keys.contains { $0.hasSuffix(".ndjson") }, "the second run wrote plain parts")

        let script = folder + "/load.sql"
        try PostgresLoad.script(plan: try LoadPlan.read(out: out)).write(toFile: script, atomically: true, encoding: .utf8)
        for load in 1...2 {
            let run = try #require(server.psql(file: script))
            try #require(run.status == 0, "load \(load): \(run.stderr)")
        }

        func value(_ sql: String) throws -> String {
            let run = try #require(server.query(sql))
            try #require(run.status == 0, "\(sql): \(run.stderr)")
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // Counts: the manifests' rows, summed over both sources, after two loads.
        var manifestRows: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests") {
            let manifest = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + name))) as! [String: Any]
            for (table, rows) in manifest["rows"] as! [String: Int] { manifestRows[table, default: 0] += rows }
        }
        for table in Table.allCases {
            #expect(try value("SELECT count(*) FROM \(table.warehouseName)") == String(manifestRows[table.rawValue] ?? 0), "\(table)")
        }
        #expect(try value("SELECT count(DISTINCT source_key) FROM filings") == "2")

        // Exact sums against the models the archives were made from.
        let documents = (first.members + second.members).compactMap(\.document)
        func sum(_ values: [String?]) -> Decimal {
            values.compactMap { $0 }.compactMap { Decimal(string: $0.replacingOccurrences(of: ",", with: "")) }.reduce(0, +)
        }
        func loaded(_ sql: String) throws -> Decimal { Decimal(string: try value(sql)) ?? -1 }
        #expect(try loaded("SELECT sum(shares) FROM non_derivative_transactions")
            == sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.shares.value) }))
        #expect(try loaded("SELECT sum(price_per_share) FROM non_derivative_transactions")
            == sum(documents.flatMap { $0.nonDerivativeTransactions.map(\.pricePerShare.value) }))
        #expect(try loaded("SELECT sum(underlying_security_shares) FROM derivative_transactions")
            == sum(documents.flatMap { $0.derivativeTransactions.map(\.underlyingSecurityShares.value) }))

        // Types, as the catalogue has them.
        let types = try value("""
            SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY column_name) FROM information_schema.columns
            WHERE table_name = 'non_derivative_transactions' AND column_name IN
                ('shares', 'transaction_date', 'equity_swap_involved', 'row_index', 'footnote_ids', 'issues', 'filing_id')
            """)
        #expect(types == "equity_swap_involved:boolean,filing_id:text,footnote_ids:jsonb,issues:jsonb,row_index:integer,"
            + "shares:numeric,transaction_date:date")
        #expect(try value("SELECT data_type FROM information_schema.columns WHERE table_name = 'filings' AND column_name = 'acceptance_datetime'")
            == "timestamp with time zone")
        // Nested values arrive as JSON, not as text; a JSON null is SQL NULL.
        #expect(try value("SELECT count(*) FROM filings WHERE jsonb_typeof(source) <> 'object' OR source->>'archive' IS NULL") == "0")
        #expect(try value("SELECT count(*) FROM non_derivative_transactions WHERE jsonb_typeof(footnote_ids) <> 'object'") == "0")
    }
}
