import EdgarCompression
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// Runs the built `edgar-etl` binary, as a user or a scheduler would.
@Suite(.serialized) struct CLITests {
    let folder: String
    let feeds: [String]

    init() throws {
        folder = NSTemporaryDirectory() + "edgar-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        var paths: [String] = []
        for (day, count) in [("20031110", 40), ("20031111", 25), ("20031112", 60), ("20031113", 10), ("20031114", 30)] {
            var builder = FeedBuilder(seed: UInt64(day)!, filingDate: day)
            let path = folder + "/in/\(day).nc.tar.gz"
            _ = try builder.writeTarGz(to: path, count: count)
            paths.append(path)
        }
        feeds = paths
    }

    func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = URL(fileURLWithPath: root)
        for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { out[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url) }
        }
        return out
    }

    @Test func helpTeachesTheCommandsAndExitStatuses() throws {
        let root = try Binary.run("edgar-etl", ["--help"])
        #expect(root.status == 0)
        for command in ["run", "list-inputs", "commit"] { #expect(root.stdout.contains(command)) }
        let run = try Binary.run("edgar-etl", ["run", "--help"])
        #expect(run.stdout.contains("Exit status"))
        #expect(run.stdout.contains("--on-truncated"))
        let version = try Binary.run("edgar-etl", ["--version"])
        #expect(version.stdout.contains("contract 1"))
    }

    /// Each `run` flag that a pipeline-file key also sets is described once, by the key: `run --help` shows the key's
    /// meaning, default and path, as `validate --keys` lists them.
    @Test func runHelpDescribesEachFlagByItsPipelineKey() throws {
        let keys = try Binary.run("edgar-etl", ["validate", "--keys"]).stdout.split(separator: "\n")
        let help = try Binary.run("edgar-etl", ["run", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var flags = 0
        for (index, line) in keys.enumerated() {
            guard let flag = line.split(separator: "flag: ").dropFirst().first, flag != "--output" else { continue }
            let path = keys[index - 1].trimmingCharacters(in: .whitespaces)
            #expect(help.contains("\(flag) <") || help.contains("\(flag) "), "\(flag) is not in run --help")
            #expect(help.contains("Pipeline file: \(path)."), "run --help does not name the key \(path) of \(flag)")
            flags += 1
        }
        #expect(flags == 14)
    }

    @Test func runCommitsEveryInputAndWritesSuccess() throws {
        let out = folder + "/out"
        let result = try Binary.run("edgar-etl", ["run", folder + "/in", "--output", out, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("total: 5 inputs"))
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        for feed in feeds {
            let name = URL(fileURLWithPath: feed).lastPathComponent
            let manifests = (try? FileManager.default.contentsOfDirectory(atPath: out + "/_manifests")) ?? []
            #expect(manifests.filter { $0.hasPrefix(name + "-") && $0.hasSuffix(".json") }.count == 1)
        }
    }

    @Test func aMissingInputIsNamedAndTheOthersStillRun() throws {
        let out = folder + "/missing"
        let result = try Binary.run("edgar-etl", ["run", feeds[0], folder + "/no-such-file.zip", "--output", out])
        #expect(result.status == 4)
        #expect(result.stderr.contains("no-such-file.zip"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out + "/_manifests")) ?? []).contains { $0.hasPrefix("20031110.nc.tar.gz-") })
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Binary.run("edgar-etl", ["run", feeds[0]]).status == 64)
        #expect(try Binary.run("edgar-etl", ["run", feeds[0], "--output", "x", "--jobs", "0"]).status == 64)
        #expect(try Binary.run("edgar-etl", ["run", feeds[0], "--output", "x", "--compression", "lz4"]).status == 64)
    }

    @Test func listInputsIsSortedAndDeduplicated() throws {
        let result = try Binary.run("edgar-etl", ["list-inputs", feeds[2], folder + "/in", feeds[0]])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == lines.sorted())
        #expect(Set(lines).count == lines.count)
        #expect(lines.count == 5)
    }

    @Test(arguments: [1, 3, 7])
    func shardsTogetherEqualOneRun(count: Int) throws {
        let single = folder + "/single-\(count)"
        #expect(try Binary.run("edgar-etl", ["run", folder + "/in", "--output", single]).status == 0)
        let list = folder + "/inputs-\(count).txt"
        let listed = try Binary.run("edgar-etl", ["list-inputs", folder + "/in"])
        try listed.stdout.write(toFile: list, atomically: true, encoding: .utf8)

        let sharded = folder + "/sharded-\(count)"
        for index in 0..<count {
            // The index comes from the scheduler's environment, as on Kubernetes.
            let shard = try Binary.run(
                "edgar-etl", ["run", "--inputs-from", list, "--shard-count", "\(count)", "--output", sharded],
                environment: ["JOB_COMPLETION_INDEX": "\(index)"])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: sharded + "/_SUCCESS"))
        let commit = try Binary.run("edgar-etl", ["commit", sharded, "--expect-inputs", list])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(tree(single) == tree(sharded))
    }

    @Test func commitNamesWhatIsMissing() throws {
        let out = folder + "/partial"
        let list = folder + "/partial.txt"
        try feeds.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
        #expect(try Binary.run("edgar-etl", ["run", feeds[0], "--output", out]).status == 0)
        let commit = try Binary.run("edgar-etl", ["commit", out, "--expect-inputs", list])
        #expect(commit.status == 4)
        #expect(commit.stderr.contains("20031114.nc.tar.gz"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
    }

    @Test func inputsFromStdinReportsOneJSONLinePerCommittedInput() throws {
        let out = folder + "/piped"
        let result = try Binary.run(
            "edgar-etl", ["run", "--inputs-from", "-", "--output", out], stdin: feeds.prefix(2).joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["status"] as? String == "committed")
            #expect((object?["filings"] as? Int ?? 0) > 0)
        }
    }
}
