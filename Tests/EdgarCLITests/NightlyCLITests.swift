import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// The nightly job as a scheduler runs it: `run` over the whole feed folder, then `report`.
@Suite(.serialized) struct NightlyCLITests {
    let folder: String
    let feeds: [String]

    init() throws {
        folder = NSTemporaryDirectory() + "edgar-nightly-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        var paths: [String] = []
        for (i, day) in ["20031103", "20031104", "20031105", "20031106", "20031107", "20031110"].enumerated() {
            var builder = FeedBuilder(seed: UInt64(70 + i), filingDate: day)
            let path = folder + "/in/\(day).nc.tar.gz"
            _ = try builder.writeTarGz(to: path, count: i == 0 ? 600 : 80)
            paths.append(path)
        }
        feeds = paths
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func aCommittedReRunSaysAlreadyCommittedAndReadsNothing() throws {
        let out = folder + "/out-rerun"
        #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out]).status == 0)
        let before = FaultTests.files(out)
        let rerun = try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out, "--summary-json", folder + "/rerun.json"])
        #expect(rerun.status == 0)
        #expect((rerun.stdout + rerun.stderr).contains("already committed: " + feeds[0]))
        #expect((rerun.stdout + rerun.stderr).contains("(\(feeds.count) already committed, not read again)"))
        let summary = try json(folder + "/rerun.json")
        #expect(summary["already_committed"] as? Int == feeds.count)
        #expect(summary["bytes_streamed"] as? Int == 0)
        #expect((summary["inputs"] as? [[String: Any]])?.allSatisfy { $0["already_committed"] as? Bool == true } == true)
        #expect(FaultTests.files(out) == before)

        let forced = try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out, "--force", "--summary-json", folder + "/forced.json"])
        #expect(forced.status == 0)
        #expect(try json(folder + "/forced.json")["already_committed"] as? Int == 0)
        #expect((try json(folder + "/forced.json")["bytes_streamed"] as? Int ?? 0) > 0)
        #expect(FaultTests.files(out) == before)
    }

    @Test func killNineDuringASkipHeavyRunThenReRunGivesTheSameTree() throws {
        let reference = folder + "/reference"
        #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", reference]).status == 0)
        let expected = FaultTests.files(reference)
        // Every input but the big first day committed; the run skips five and reads one.
        let out = folder + "/killed"
        #expect(try Binary.run("edgar-etl", ["run"] + feeds.dropFirst() + ["--output", out]).status == 0)
        let began = Date()
        let timing = folder + "/timing"
        #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", timing]).status == 0)
        let duration = Date().timeIntervalSince(began)
        for fraction in [0.1, 0.4, 0.7] {
            let process = try Binary.start("edgar-etl", ["run", folder + "/in", "--output", out])
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (path, bytes) in FaultTests.files(out) where !path.hasPrefix("_staging/") && !path.hasPrefix("_locks/") && path != "_SUCCESS" {
                #expect(expected[path] == bytes, "after kill at \(fraction): \(path) is partial or foreign")
            }
            #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out]).status == 0)
            #expect(FaultTests.files(out) == expected, "after kill at \(fraction)")
            // Back to "every input but the first" for the next kill.
            try FileManager.default.removeItem(atPath: out)
            #expect(try Binary.run("edgar-etl", ["run"] + feeds.dropFirst() + ["--output", out]).status == 0)
        }
    }

    @Test func reportAfterRunInTextJSONAndHTML() throws {
        let out = folder + "/out-report"
        #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out]).status == 0)
        let text = try Binary.run("edgar-etl", ["report", out])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Data-quality report of " + out))
        #expect(text.stdout.contains("Filings per filing date (6 days, 0 short)"))
        let files = try Binary.run("edgar-etl", ["report", out, "--html", folder + "/r.html", "--json", folder + "/r.json"])
        #expect(files.status == 0)
        #expect(files.stdout.isEmpty)
        let report = try json(folder + "/r.json")
        var manifestFilings = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests") {
            manifestFilings += try json(out + "/_manifests/" + name)["filings"] as? Int ?? -1
        }
        #expect((report["totals"] as? [String: Any])?["filings"] as? Int == manifestFilings)
        let page = try String(contentsOfFile: folder + "/r.html", encoding: .utf8)
        #expect(page.contains("<svg") && !page.contains("<script"))
        let missing = try Binary.run("edgar-etl", ["report", folder + "/in"])
        #expect(missing.status == 64)
    }
}
