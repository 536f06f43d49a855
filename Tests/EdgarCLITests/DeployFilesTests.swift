import EdgarTestSupport
import Foundation
import Testing

/// pipelines/deploy/* stay in step with the binary: every `edgar-etl` flag they use exists, the files parse,
/// and the numbers that must agree (shard count, retried exit statuses) do.
@Suite struct DeployFilesTests {
    static let deployFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("pipelines/deploy").path

    static let files = [
        "kubernetes-indexed-job.yaml", "slurm-array.sh", "aws-batch-job-definition.json", "pyspark_driver.py", "README.md",
    ]

    struct Invocation: Equatable {
        var subcommand: String
        var flags: [String]
    }

    /// Finds `edgar-etl <subcommand> …` in shell, YAML, JSON, Python or Markdown text, with the `--flags` up to
    /// the end of the command: `;`, `|`, `&`, a closing bracket, a backtick, or (unless `newlineEnds` is false,
    /// as in a Python list spread over lines) an end of line not continued by a backslash. The binary may be
    /// named literally or through a variable whose name ends in edgar-etl or edgar_etl (`$EDGAR_ETL`,
    /// `arguments.edgar_etl`).
    static func invocations(in text: String, newlineEnds: Bool) -> [Invocation] {
        let joined = text.replacingOccurrences(of: "\\\n", with: " ")
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in joined {
            if ";|&])`".contains(character) || (character == "\n" && newlineEnds) {
                flush()
                tokens.append(";")
            } else if character.isWhitespace || "\"',[(\\".contains(character) {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()

        var found: [Invocation] = []
        for (position, token) in tokens.enumerated() where position + 1 < tokens.count {
            let name = token.trimmingCharacters(in: CharacterSet(charactersIn: "${}")).lowercased()
            guard name.hasSuffix("edgar-etl") || name.hasSuffix("edgar_etl") else { continue }
            let subcommand = tokens[position + 1]
            guard ["run", "commit", "list-inputs"].contains(subcommand) else { continue }
            var flags: [String] = []
            for word in tokens[(position + 2)...] {
                if word == ";" { break }
                if word.hasPrefix("--") { flags.append(String(word.split(separator: "=")[0])) }
            }
            found.append(Invocation(subcommand: subcommand, flags: flags))
        }
        return found
    }

    static func helpFlags(_ subcommand: String) throws -> Set<String> {
        let help = try Binary.run("edgar-etl", [subcommand, "--help"])
        let pattern = try NSRegularExpression(pattern: "--[a-z][a-z0-9-]*")
        let range = NSRange(help.stdout.startIndex..., in: help.stdout)
        return Set(pattern.matches(in: help.stdout, range: range).map { (help.stdout as NSString).substring(with: $0.range) })
    }

    static func read(_ name: String) throws -> String {
        try String(contentsOfFile: deployFolder + "/" + name, encoding: .utf8)
    }

    @Test func theInvocationFinderSeesThroughQuotingAndStopsAtTheEndOfACommand() {
        let shell = "\"$EDGAR_ETL\" run --inputs-from \"$LIST\" \\\n  --shard-count 8; sbatch --array=0-7\nedgar-etl commit OUT --expect-inputs=x"
        #expect(Self.invocations(in: shell, newlineEnds: true) == [
            Invocation(subcommand: "run", flags: ["--inputs-from", "--shard-count"]),
            Invocation(subcommand: "commit", flags: ["--expect-inputs"]),
        ])
        let python = "[arguments.edgar_etl, \"commit\",\n \"--expect-inputs\", \"-\"], check=True) # --not-this"
        #expect(Self.invocations(in: python, newlineEnds: false) == [Invocation(subcommand: "commit", flags: ["--expect-inputs"])])
        #expect(Self.invocations(in: "the edgar-etl reads --shard-count itself", newlineEnds: true).isEmpty)
    }

    @Test func everyEdgarETLFlagInTheDeployFilesExists() throws {
        let known = [
            "run": try Self.helpFlags("run"), "commit": try Self.helpFlags("commit"),
            "list-inputs": try Self.helpFlags("list-inputs"),
        ]
        #expect(known["run"]!.contains("--shard-count") && known["commit"]!.contains("--expect-inputs"))
        for name in Self.files {
            let found = Self.invocations(in: try Self.read(name), newlineEnds: !name.hasSuffix(".py") && !name.hasSuffix(".json"))
            // The Batch job definition is the shard only; its commit is a command override shown in README.md.
            let shardOnly = name.hasSuffix(".json")
            let subcommands = Set(found.map(\.subcommand))
            #expect(subcommands.isSuperset(of: shardOnly ? ["run"] : ["run", "commit"]), "\(name) shows no run or no commit: \(found)")
            for invocation in found {
                for flag in invocation.flags {
                    #expect(known[invocation.subcommand]!.contains(flag), "\(name): edgar-etl \(invocation.subcommand) has no \(flag)")
                }
            }
            let runFlags = Set(found.filter { $0.subcommand == "run" }.flatMap(\.flags))
            #expect(runFlags.isSuperset(of: ["--inputs-from", "--output"]), "\(name): \(runFlags)")
            if name != "pyspark_driver.py" { #expect(runFlags.contains("--shard-count"), "\(name)") }
            if !shardOnly {
                #expect(found.contains { $0.subcommand == "commit" && $0.flags.contains("--expect-inputs") }, "\(name)")
            }
        }
    }

    @Test func theKubernetesJobParsesAndItsShardCountAgreesWithCompletions() throws {
        let script = """
            import json, sys, yaml
            print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))
            """
        let parsed = try Binary.run("/usr/bin/env", ["python3", "-c", script, Self.deployFolder + "/kubernetes-indexed-job.yaml"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let documents = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(documents.compactMap { $0["kind"] as? String } == ["ConfigMap", "Job", "Job"])
        guard documents.count == 3, let spec = documents[1]["spec"] as? [String: Any] else { return }
        #expect(spec["completionMode"] as? String == "Indexed")
        #expect(spec["podReplacementPolicy"] as? String == "Failed")
        #expect(spec["backoffLimitPerIndex"] is Int)
        let completions = spec["completions"] as? Int
        #expect(completions != nil && completions == spec["parallelism"] as? Int)
        let container = (((spec["template"] as? [String: Any])?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first
        let command = ((container?["command"] as? [String] ?? []) + (container?["args"] as? [String] ?? [])).joined(separator: " ")
        #expect(command.contains("--shard-count \(completions ?? -1) "), "the container's --shard-count is not completions")
        #expect(!command.contains("--shard-index"), "the index must come from JOB_COMPLETION_INDEX")
        let rules = (spec["podFailurePolicy"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        func action(forExitCode code: Int) -> String? {
            rules.first { (($0["onExitCodes"] as? [String: Any])?["values"] as? [Int])?.contains(code) == true }?["action"] as? String
        }
        #expect(action(forExitCode: 4) == "FailIndex")
        #expect(action(forExitCode: 75) == "Count")
        let commitSpec = documents[2]["spec"] as? [String: Any]
        #expect(commitSpec?["suspend"] as? Bool == true)
    }

    @Test func theBatchDefinitionParsesAndRetriesOnlyTransientFailures() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.deployFolder + "/aws-batch-job-definition.json"))
        let definition = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let rules = (definition?["retryStrategy"] as? [String: Any])?["evaluateOnExit"] as? [[String: String]] ?? []
        #expect(rules.count <= 5, "AWS Batch accepts at most 5 evaluateOnExit rules")
        func action(_ code: String) -> String? { rules.first { $0["onExitCode"] == code }?["action"] }
        #expect(action("4") == "EXIT")
        #expect(action("75") == "RETRY")
        let command = ((definition?["containerProperties"] as? [String: Any])?["command"] as? [String] ?? []).joined(separator: " ")
        #expect(command.contains("Ref::shards"))
        #expect(!command.contains("--shard-index"), "the index must come from AWS_BATCH_JOB_ARRAY_INDEX")
    }

    @Test func theSlurmScriptAndTheSparkDriverAreValidSyntax() throws {
        let slurm = try Self.read("slurm-array.sh")
        #expect(try Binary.run("/bin/bash", ["-n", Self.deployFolder + "/slurm-array.sh"]).status == 0)
        #expect(slurm.contains("#SBATCH --array=0-"))
        #expect(slurm.contains("--shard-count \"$SLURM_ARRAY_TASK_COUNT\""))
        #expect(slurm.contains("--dependency=afterok:"))
        let check = "import ast, sys; ast.parse(open(sys.argv[1]).read())"
        let python = try Binary.run("/usr/bin/env", ["python3", "-c", check, Self.deployFolder + "/pyspark_driver.py"])
        #expect(python.status == 0, "\(python.stderr)")
    }
}
