import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// Crashes, signals, full disks: the output is either committed whole or not at all.
@Suite(.serialized) struct FaultTests {
    /// The archives are made once for the whole suite: 2,000 filings take a few seconds in a debug build.
    struct Fixture {
        let folder: String
        let big: String
        let small: [String]
    }

    static let fixture: Fixture = {
        do { return try makeFixture() } catch { fatalError("cannot build the fault-test archives: \(error)") }
    }()

    var folder: String { Self.fixture.folder }
    var big: String { Self.fixture.big }
    var small: [String] { Self.fixture.small }

    static func makeFixture() throws -> Fixture {
        let folder = NSTemporaryDirectory() + "edgar-faults-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let big = folder + "/in/20031103.nc.tar.gz"
        var builder = FeedBuilder(seed: 2003, filingDate: "20031103")
        _ = try builder.writeTarGz(to: big, count: 2000)
        var paths: [String] = []
        for day in ["20031104", "20031105", "20031106"] {
            var b = FeedBuilder(seed: UInt64(day)!, filingDate: day)
            let path = folder + "/in/\(day).nc.tar.gz"
            _ = try b.writeTarGz(to: path, count: 300)
            paths.append(path)
        }
        return Fixture(folder: folder, big: big, small: paths)
    }

    static func files(_ root: String) -> [String: Data] { FileTree.contents(of: root) }

    /// Starts edgar-etl in the background and returns the process.
    func start(_ arguments: [String]) throws -> Process { try Binary.start("edgar-etl", arguments) }

    @Test func killNineThenRerunGivesTheSameBytes() throws {
        let inputs = [big] + small
        let reference = folder + "/reference"
        let began = Date()
        #expect(try Binary.run("edgar-etl", ["run"] + inputs + ["--output", reference]).status == 0)
        let duration = Date().timeIntervalSince(began)
        let expected = Self.files(reference)

        for fraction in [0.2, 0.5, 0.8] {
            let out = folder + "/killed-\(fraction)"
            let process = try start(["run"] + inputs + ["--output", out])
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever is visible outside staging is whole: the same bytes as the uninterrupted run. (`_locks/` holds
            // what a commit killed half-way may have left, for the re-run to clean up.)
            for (path, bytes) in Self.files(out) where !path.hasPrefix("_staging/") && !path.hasPrefix("_locks/") {
                #expect(expected[path] == bytes, "after kill at \(fraction): \(path) is partial or foreign")
            }
            #expect(try Binary.run("edgar-etl", ["run"] + inputs + ["--output", out]).status == 0)
            let rerun = Self.files(out)
            #expect(rerun.keys.sorted() == expected.keys.sorted(), "after kill at \(fraction)")
            #expect(rerun == expected, "after kill at \(fraction)")
            #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
        }
    }

    /// The same with four readers at once: several sources are open and committing when the kill lands. The
    /// moments are random (printed on failure), so that over many CI runs every phase of a commit gets hit.
    @Test func killNineDuringAMultiReaderRunThenRerunGivesTheSameBytes() throws {
        let inputs = [big] + small
        let reference = folder + "/reference-readers"
        let began = Date()
        #expect(try Binary.run("edgar-etl", ["run"] + inputs + ["--output", reference, "--readers", "4"]).status == 0)
        let duration = Date().timeIntervalSince(began)
        let expected = Self.files(reference)

        for round in 0..<3 {
            let fraction = Double.random(in: 0.05...0.95)
            let out = folder + "/killed-readers-\(round)"
            let process = try start(["run"] + inputs + ["--output", out, "--readers", "4"])
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (path, bytes) in Self.files(out) where !path.hasPrefix("_staging/") && !path.hasPrefix("_locks/") {
                #expect(expected[path] == bytes, "after kill at \(fraction): \(path) is partial or foreign")
            }
            #expect(try Binary.run("edgar-etl", ["run"] + inputs + ["--output", out, "--readers", "4"]).status == 0)
            let rerun = Self.files(out)
            #expect(rerun.keys.sorted() == expected.keys.sorted(), "after kill at \(fraction)")
            #expect(rerun == expected, "after kill at \(fraction)")
            #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
        }
    }

    @Test func sigintStopsCleanlyWithItsOwnStatus() throws {
        let out = folder + "/interrupted"
        let process = Process()
        process.executableURL = Binary.productsDirectory.appendingPathComponent("edgar-etl")
        let summary = folder + "/interrupted-summary.json"
        process.arguments = ["run", big] + small + ["--output", out, "--jobs", "1", "--summary-json", summary]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The signal watcher exists once the run prepared OUT (it is set up before): a SIGINT sent earlier, on a
        // loaded machine, could arrive while the process still ignores it (inherited) and be lost.
        while !FileManager.default.fileExists(atPath: out + "/_staging") && process.isRunning { usleep(5_000) }
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        // Nothing partial: every manifest's files are there, and no staging is left by this process.
        let files = Self.files(out)
        #expect(!files.keys.contains { $0.hasPrefix("_staging/") })
        for (path, bytes) in files where path.hasPrefix("_manifests/") {
            let manifest = try JSONSerialization.jsonObject(with: bytes) as! [String: Any]
            for file in manifest["files"] as! [[String: Any]] {
                #expect(files[file["path"] as! String]?.count == file["bytes"] as? Int)
            }
        }
        let parts = files.keys.filter { $0.hasSuffix(".ndjson.gz") }
        let listed = Set(files.filter { $0.key.hasPrefix("_manifests/") }.flatMap { entry in
            ((try? JSONSerialization.jsonObject(with: entry.value) as? [String: Any])?["files"] as? [[String: Any]] ?? [])
                .compactMap { $0["path"] as? String }
        })
        #expect(Set(parts) == listed, "a part file without a manifest was left visible")

        // The totals count what was committed (the manifests); what was read and dropped is shown apart.
        let committed = files.filter { $0.key.hasPrefix("_manifests/") }.reduce(0) { total, entry in
            total + (((try? JSONSerialization.jsonObject(with: entry.value)) as? [String: Any])?["filings"] as? Int ?? 0)
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        let dropped = try #require(json["not_committed"] as? [String: Any])
        #expect(totals["filings"] as? Int == committed, "\(stderr)")
        #expect(dropped["filings"] is Int, "\(json)")
        #expect(stderr.contains("total: \(files.keys.filter { $0.hasPrefix("_manifests/") }.count) inputs, \(committed) filings"), "\(stderr)")
        #expect(stderr.contains("not committed: "), "\(stderr)")
    }

    @Test func aFullDiskFailsTheSourceCleanly() throws {
        let out = folder + "/full"
        // ulimit -f is in KiB: part files above 64 KiB cannot be written (EFBIG, as ENOSPC would be).
        let result = try Binary.run(
            "/bin/bash",
            ["-c", "ulimit -f 64; exec \"$0\" \"$@\"", Binary.productsDirectory.appendingPathComponent("edgar-etl").path,
             "run", big, small[0], "--output", out, "--compression", "none"])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("File too large"))
        let files = Self.files(out)
        #expect(!files.keys.contains { $0.hasPrefix("_staging/") })
        #expect(!files.keys.contains { $0.hasPrefix("_manifests/20031103.nc.tar.gz") })
        #expect(!files.keys.contains { $0.contains("part-20031103.nc.tar.gz") })
        #expect(files["_SUCCESS"] == nil)
    }

    @Test func anUnwritableOutputIsATransientFailure() throws {
        let result = try Binary.run("edgar-etl", ["run", small[0], "--output", "/proc/edgar-etl-test/out"])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("/proc/edgar-etl-test/out"))
    }

    @Test func rejectThresholds() throws {
        let junk = folder + "/junk"
        try FileManager.default.createDirectory(atPath: junk, withIntermediateDirectories: true)
        try Data("not a filing".utf8).write(to: URL(fileURLWithPath: junk + "/a.txt"))
        try Data("<root/>".utf8).write(to: URL(fileURLWithPath: junk + "/b.xml"))
        let base = ["run", junk, small[0], "--output", folder + "/thresholds"]
        #expect(try Binary.run("edgar-etl", base).status == 3)
        #expect(try Binary.run("edgar-etl", base + ["--max-rejects", "1"]).status == 5)
        #expect(try Binary.run("edgar-etl", base + ["--max-rejects", "2"]).status == 3)
        #expect(try Binary.run("edgar-etl", base + ["--max-reject-ratio", "0.001"]).status == 5)
        // The same thresholds from a pipeline file, and a flag that overrides one.
        let pipeline = folder + "/thresholds.yaml"
        try Data("version: 1\nrejects:\n  max_reject_ratio: 0.001\n".utf8).write(to: URL(fileURLWithPath: pipeline))
        #expect(try Binary.run("edgar-etl", base + ["--pipeline", pipeline]).status == 5)
        #expect(try Binary.run("edgar-etl", base + ["--pipeline", pipeline, "--max-reject-ratio", "1"]).status == 3)
        let out = try Binary.run("edgar-etl", base + ["--readers", "65"])
        #expect(out.status == 64 && out.stderr.contains("--readers must be between 1 and 64"), "\(out.stderr)")
    }

    @Test func aFolderWithNoInputsSaysSo() throws {
        let empty = folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let result = try Binary.run("edgar-etl", ["run", empty, "--output", folder + "/none"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("no input files found"))
    }
}
