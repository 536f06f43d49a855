import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// Running it every night: pipeline files, validate, inspect, progress, logs and the summary.
@Suite struct OperateTests {
    let folder = NSTemporaryDirectory() + "edgar-operate-" + UUID().uuidString
    var samples: String { Corpus.packageRoot.appendingPathComponent("samples").path }
    var feed: String { samples + "/20031112.nc.tar.gz" }

    @Test func pipelineFileRunsAndFlagsOverrideIt() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/p.yaml"
        try """
        version: 1
        inputs: [\(feed)]
        output: \(folder)/from-file
        partition: year
        compression: none
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try Binary.run("edgar-etl", ["run", "--pipeline", file])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder + "/from-file/filings/year=2003")) ?? []).contains { $0.hasPrefix("part-20031112.nc.tar.gz-") && $0.hasSuffix("-00000.ndjson") })
        let overridden = try Binary.run("edgar-etl", ["run", "--pipeline", file, "--output", folder + "/flag", "--partition", "month"])
        #expect(overridden.status == 0)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder + "/flag/filings/year=2003/month=11")) ?? []).contains { $0.hasPrefix("part-20031112.nc.tar.gz-") && $0.hasSuffix("-00000.ndjson") })
    }

    @Test func validateNamesTheLineAndSuggests() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bad = folder + "/bad.yaml"
        try "version: 1\ninputs: [x]\ncompresion: gzip\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try Binary.run("edgar-etl", ["validate", bad])
        #expect(result.status == 64)
        #expect(result.stdout.contains("bad.yaml:3:1"))
        #expect(result.stdout.contains("did you mean compression"))
        let good = try Binary.run(
            "edgar-etl", ["validate"] + ["nightly", "reprocess-history", "warehouse-feed"].map {
                Corpus.packageRoot.appendingPathComponent("pipelines/\($0).yaml").path
            })
        #expect(good.status == 0, "\(good.stdout)")
        let badRun = try Binary.run("edgar-etl", ["run", "--pipeline", bad, "--output", folder + "/never"])
        #expect(badRun.status == 64)
    }

    @Test func inspectPrintsTheRowsOfOneMember() throws {
        var builder = FeedBuilder(seed: 11, filingDate: "20031112")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/small.nc.tar.gz"
        let truth = try builder.writeTarGz(to: path, count: 12)
        let target = try #require(truth.members.first { $0.isOwnership })
        let result = try Binary.run("edgar-etl", ["inspect", path, "--member", target.name])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# filing \(target.accession)"))
        #expect(result.stdout.contains("## filings\n{\n  \"filing_id\": \"\(target.accession)\""))
        #expect(result.stdout.components(separatedBy: "# filing ").count == 2)
        let missing = try Binary.run("edgar-etl", ["inspect", path, "--member", "nope.nc"])
        #expect(missing.status == 4)
    }

    @Test func progressLogsAndSummary() throws {
        let summary = folder + "-summary.json"
        let result = try Binary.run(
            "edgar-etl",
            ["run", feed, "--output", folder + "/logged", "--progress", "always", "--log-format", "json", "--log-level", "info",
             "--summary-json", summary])
        #expect(result.status == 0)
        // With JSON logs stderr is records only: no progress line, even when asked for.
        #expect(!result.stderr.contains("inputs 1/1 ·"))
        let human = try Binary.run("edgar-etl", ["run", feed, "--output", folder + "/human", "--progress", "always"])
        #expect(human.stderr.contains("inputs 1/1 · filings "))
        let logLines = result.stderr.split(separator: "\n").map(String.init)
        #expect(logLines.count >= 3)
        for line in logLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil)
        }
        #expect(logLines.contains { $0.contains("\"message\":\"source committed\"") && $0.contains("\"source.filings\"") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
        #expect(json["exit_status"] as? Int == 0)
        let totals = json["totals"] as! [String: Any]
        #expect((totals["filings"] as? Int ?? 0) > 0)
        #expect((totals["skipped"] as? [String: Int])?.isEmpty == false)
        let quiet = try Binary.run("edgar-etl", ["run", feed, "--output", folder + "/quiet", "--progress", "never"])
        #expect(!quiet.stderr.contains("inputs 1/1 ·"))
    }

    @Test func schemaPrintsEveryDialect() throws {
        for format in ["json-schema", "duckdb", "bigquery", "postgres", "spark"] {
            let result = try Binary.run("edgar-etl", ["schema", "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("non_derivative_transactions"))
        }
        #expect(try Binary.run("edgar-etl", ["schema", "--format", "oracle"]).status == 64)
    }
}
