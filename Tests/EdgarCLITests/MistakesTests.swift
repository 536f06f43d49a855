import EdgarTestSupport
import Foundation
import Testing

/// What a new user types, mistakes included: the README and `--help` examples run as written, and a mistake is named
/// as one.
@Suite struct MistakesTests {
    let folder = NSTemporaryDirectory() + "edgar-mistakes-" + UUID().uuidString
    var root: String { Corpus.packageRoot.path }

    @Test func aMisspeltOptionIsNamedWithASuggestion() throws {
        let result = try Binary.run("edgar-etl", ["run", "samples", "--ouptut", folder + "/out"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--ouptut'"), "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean '--output'?"), "\(result.stderr)")
        // Without the option at all, the message is still about --output.
        let missing = try Binary.run("edgar-etl", ["run", "samples"], in: root)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--output"))
    }

    @Test func inspectOfAMissingFileFailsAndJSONIsOnlyJSON() throws {
        let missing = try Binary.run("edgar-etl", ["inspect", folder + "/nope.nc.tar.gz"])
        #expect(missing.status == 4, "\(missing.stdout)")
        #expect(missing.stderr.contains("does not exist"))
        #expect(missing.stdout.isEmpty)

        let result = try Binary.run("edgar-etl", ["inspect", "samples/20031112.nc.tar.gz", "--json"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        var tables: Set<String> = []
        var lines = 0
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            lines += 1
            if let table = object["table"] as? String {
                tables.insert(table)
                #expect(object["row"] is [String: Any])
            } else {
                #expect(object["reject"] is [String: Any] || object["skipped"] is String, "\(line)")
            }
        }
        #expect(lines > 300)
        #expect(tables.isSuperset(of: ["filings", "reporting_owners", "non_derivative_transactions", "signatures"]))
    }

    /// `edgar-etl run X` / `inspect X` in the README and in every `--help`: a relative X must exist in a clone, and the
    /// help's inspect example must run.
    @Test func readmeAndHelpExamplesNameFilesThatExist() throws {
        var texts = [try String(contentsOfFile: root + "/README.md", encoding: .utf8)]
        for command in [[], ["run"], ["inspect"], ["schema"]] {
            texts.append(try Binary.run("edgar-etl", command + ["--help"]).stdout)
        }
        var checked = 0
        for text in texts {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            for (i, word) in words.enumerated().dropLast(2) where word.hasSuffix("edgar-etl") {
                guard words[i + 1] == "run" || words[i + 1] == "inspect" else { continue }
                let argument = words[i + 2]
                // A path to try, not a placeholder (INPUT…, FILE, <path>, [<options>]), a flag or an absolute example.
                guard let first = argument.first, first.isLowercase || first.isNumber else { continue }
                #expect(FileManager.default.fileExists(atPath: root + "/" + argument), "\(words[i...(i + 2)]) names a missing file")
                checked += 1
            }
        }
        #expect(checked >= 4)
        let inspect = try Binary.run(
            "edgar-etl", ["inspect", "samples/20031112.nc.tar.gz", "--member", "0001562180-03-198215.nc"], in: root)
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(try Binary.run("edgar-etl", ["inspect", "--help"]).stdout.contains("--member 0001562180-03-198215.nc"))
    }

    @Test func schemaLoadsByManifestAndDocumentsTheTables() throws {
        let out = folder + "/out"
        #expect(try Binary.run("edgar-etl", ["run", "samples/20031112.nc.tar.gz", "--output", out], in: root).status == 0)
        let postgres = try Binary.run("edgar-etl", ["schema", "--format", "postgres", "--load-from", out])
        #expect(postgres.status == 0, "\(postgres.stderr)")
        #expect(postgres.stdout.contains("\\copy edgar_load_lines"))
        #expect(postgres.stdout.contains("CREATE TABLE IF NOT EXISTS rejects"))
        let duckdb = try Binary.run("edgar-etl", ["schema", "--format", "duckdb", "--load-from", out, "--table", "filings"])
        #expect(duckdb.status == 0)
        #expect(duckdb.stdout.contains("INSERT INTO filings"))
        #expect(!duckdb.stdout.contains("INSERT INTO signatures"))
        #expect(try Binary.run("edgar-etl", ["schema", "--format", "spark", "--load-from", out]).status == 64)
        let notAnOutput = try Binary.run("edgar-etl", ["schema", "--format", "duckdb", "--load-from", folder + "/none"])
        #expect(notAnOutput.status == 64)
        #expect(notAnOutput.stderr.contains("_manifests"))
        let markdown = try Binary.run("edgar-etl", ["schema", "--format", "markdown"])
        #expect(markdown.stdout == (try String(contentsOfFile: root + "/docs/TABLES.md", encoding: .utf8)))
    }

    /// `--log-format json`: every stderr line is a JSON object, the summary too; `run.inputs` counts inputs.
    @Test func jsonLogsKeepStderrPureJSON() throws {
        let result = try Binary.run(
            "edgar-etl",
            ["run", "samples", folder + "/missing.zip", "--output", folder + "/json", "--log-format", "json", "--log-level", "info",
             "--progress", "always"], in: root)
        #expect(result.status == 4, "\(result.stderr)")
        var records: [[String: Any]] = []
        for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let record = try #require(
                try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON line: \(line)")
            records.append(record)
        }
        #expect(result.stderr.hasSuffix("\n"))
        let listed = try Binary.run("edgar-etl", ["list-inputs", "samples"], in: root).stdout.split(separator: "\n").count
        #expect(listed > 2)
        let started = try #require(records.first { $0["message"] as? String == "run started" })
        #expect(started["run.inputs"] as? String == String(listed + 1), "\(started)")
        let summary = try #require(records.first { $0["message"] as? String == "run summary" }?["summary"] as? [String: Any])
        #expect((summary["totals"] as? [String: Any])?["filings"] as? Int ?? 0 > 300)
        #expect(summary["exit_status"] as? Int == 4)
        #expect(records.contains { ($0["source.status"] as? String) == "failed_input" })
    }
}
