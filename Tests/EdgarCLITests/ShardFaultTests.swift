import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// Distributed runs as schedulers make them: shards killed and retried, the same shard running twice at once
/// (a speculative or overlapping retry), concurrent commits. Whatever happens, shards plus `commit` must give
/// the bytes of one single run.
@Suite(.serialized) struct ShardFaultTests {
    /// Inputs are named relative to `folder` (every run below starts there), so the shard of each input, a
    /// hash of its path, is the same on every machine and every test run.
    struct Fixture {
        let folder: String
        let inputs: [String]
        let reference: [String: Data]
    }

    static let fixture: Fixture = {
        do { return try makeFixture() } catch { fatalError("cannot build the shard-test archives: \(error)") }
    }()

    static let shardCount = 2

    static func makeFixture() throws -> Fixture {
        let folder = NSTemporaryDirectory() + "edgar-shards-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        for (offset, day) in ["20031103", "20031104", "20031105", "20031106", "20031107", "20031110"].enumerated() {
            var builder = FeedBuilder(seed: UInt64(day)!, filingDate: day)
            _ = try builder.writeTarGz(to: folder + "/in/\(day).nc.tar.gz", count: 150 + 10 * offset)
        }
        let listed = try Binary.run("edgar-etl", ["list-inputs", "in"], in: folder)
        try listed.stdout.write(toFile: folder + "/inputs.txt", atomically: true, encoding: .utf8)
        let single = try Binary.run("edgar-etl", ["run", "in", "--output", "reference", "--jobs", "1"], in: folder)
        guard single.status == 0 else { fatalError("the reference run failed: \(single.stderr)") }
        return Fixture(
            folder: folder, inputs: listed.stdout.split(separator: "\n").map(String.init),
            reference: files(folder + "/reference"))
    }

    var folder: String { Self.fixture.folder }

    /// The documented assignment (`sha256(path) % N`, first 8 bytes big-endian), computed independently of
    /// the binary: if the two disagree, the sharded output below misses inputs and the tests fail.
    static func owned(by index: Int) -> [String] {
        fixture.inputs.filter { path in
            var hasher = SHA256()
            hasher.update(Array(path.utf8))
            let value = hasher.finalize().prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return Int(value % UInt64(shardCount)) == index
        }
    }

    /// The shard with the most inputs (at least 3 of 6), so it still has work when it is killed.
    static var busiestShard: Int {
        (0..<shardCount).max { owned(by: $0).count < owned(by: $1).count }!
    }

    static func files(_ root: String) -> [String: Data] { FileTree.contents(of: root) }

    func shardArguments(_ index: Int, output: String) -> [String] {
        ["run", "--inputs-from", "inputs.txt", "--shard-count", "\(Self.shardCount)", "--shard-index", "\(index)",
         "--output", output, "--jobs", "1"]
    }

    /// Starts edgar-etl in `folder` with stdout on a pipe.
    func start(_ arguments: [String]) throws -> (process: Process, stdout: Pipe) {
        let process = Process()
        process.executableURL = Binary.productsDirectory.appendingPathComponent("edgar-etl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, stdout)
    }

    func manifests(_ output: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + output + "/_manifests")) ?? [])
    }

    @Test func aShardKilledMidRunAndRerunCommitsTheBytesOfOneRun() throws {
        let out = "killed"
        let victim = Self.busiestShard
        let owned = Self.owned(by: victim)
        #expect(owned.count >= 3)
        for index in 0..<Self.shardCount where index != victim {
            #expect(try Binary.run("edgar-etl", shardArguments(index, output: out), in: folder).status == 0)
        }

        // Kill -9 as soon as the shard reports its first committed input: it is then in the middle of the next.
        let (process, stdout) = try start(shardArguments(victim, output: out))
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the shard finished before it could be killed")
        let committedBeforeKill = manifests(out).count
        #expect(committedBeforeKill < Self.fixture.inputs.count, "the killed shard committed everything")

        // Nothing partial is visible, and commit refuses the job, naming an input of the killed shard.
        for (path, bytes) in Self.files(folder + "/" + out) where !path.hasPrefix("_staging/") && !path.hasPrefix("_locks/") {
            #expect(Self.fixture.reference[path] == bytes, "\(path) is partial or foreign after kill -9")
        }
        let early = try Binary.run("edgar-etl", ["commit", out, "--expect-inputs", "inputs.txt"], in: folder)
        #expect(early.status == 4)
        #expect(owned.contains { early.stderr.contains($0) }, "\(early.stderr)")

        // The scheduler's retry: the same shard again, then the job-level commit.
        let retry = try Binary.run("edgar-etl", shardArguments(victim, output: out), in: folder)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(retry.stdout.split(separator: "\n").count == owned.count)
        let commit = try Binary.run("edgar-etl", ["commit", out, "--expect-inputs", "inputs.txt"], in: folder)
        #expect(commit.status == 0, "\(commit.stderr)")
        let result = Self.files(folder + "/" + out)
        #expect(result.keys.sorted() == Self.fixture.reference.keys.sorted())
        #expect(result == Self.fixture.reference)
    }

    @Test func theSameShardTwiceAtOnceThenCommitGivesTheBytesOfOneRun() throws {
        let out = "twice"
        let doubled = Self.busiestShard
        // Both attempts start together and read the same inputs in the same order at the same speed, so they
        // publish the same sources at nearly the same moments: the worst overlap a speculative task can cause.
        let first = try start(shardArguments(doubled, output: out))
        let second = try start(shardArguments(doubled, output: out))
        let firstLines = first.stdout.fileHandleForReading.readDataToEndOfFile()
        let secondLines = second.stdout.fileHandleForReading.readDataToEndOfFile()
        first.process.waitUntilExit()
        second.process.waitUntilExit()
        // Both succeed: each stages in its own folder and renames files identical to the other's into place.
        #expect(first.process.terminationStatus == 0)
        #expect(second.process.terminationStatus == 0)
        // Lines come in commit order, which parallel readers make vary from run to run; the set is what counts.
        func lineSet(_ data: Data) -> Set<Data.SubSequence> { Set(data.split(separator: UInt8(ascii: "\n"))) }
        #expect(lineSet(firstLines) == lineSet(secondLines), "the two attempts reported different results")
        #expect(firstLines.split(separator: UInt8(ascii: "\n")).count == Self.owned(by: doubled).count)

        for index in 0..<Self.shardCount where index != doubled {
            #expect(try Binary.run("edgar-etl", shardArguments(index, output: out), in: folder).status == 0)
        }
        let commit = try Binary.run("edgar-etl", ["commit", out, "--expect-inputs", "inputs.txt"], in: folder)
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(Self.files(folder + "/" + out) == Self.fixture.reference)
    }

    @Test func aShardWithNoInputsSucceeds() throws {
        // 6 inputs over 20 shards: at least 14 shards own nothing, and must not fail their scheduler index.
        for index in 0..<20 {
            let run = try Binary.run(
                "edgar-etl", ["run", "--inputs-from", "inputs.txt", "--shard-count", "20", "--output", "many"],
                in: folder, environment: ["SLURM_ARRAY_TASK_ID": "\(index)"])
            #expect(run.status == 0, "shard \(index): \(run.stderr)")
        }
        #expect(try Binary.run("edgar-etl", ["commit", "many", "--expect-inputs", "inputs.txt"], in: folder).status == 0)
        #expect(Self.files(folder + "/many") == Self.fixture.reference)
    }

    @Test func concurrentCommitsAllSucceed() throws {
        let out = "recommitted"
        for index in 0..<Self.shardCount {
            #expect(try Binary.run("edgar-etl", shardArguments(index, output: out), in: folder).status == 0)
        }
        // A commit retried while the first is still running, or two orchestrators: each writes _SUCCESS through
        // its own temporary file, so none finds its temporary file renamed away by another.
        for _ in 0..<2 {
            let commits = try (0..<8).map { _ in try start(["commit", out, "--expect-inputs", "inputs.txt"]) }
            for commit in commits {
                commit.process.waitUntilExit()
                #expect(commit.process.terminationStatus == 0)
            }
        }
        #expect(Self.files(folder + "/" + out) == Self.fixture.reference)
    }
}
