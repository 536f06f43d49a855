import ArgumentParser
import EdgarCore
import EdgarPipeline
import EdgarWriters
import Foundation
import Logging

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the ETL over archives, files and folders.",
        discussion: """
            Examples:
              edgar-etl run samples --output out
              edgar-etl run samples/20031112.nc.tar.gz --output warehouse --compression none
              edgar-etl run /data/feed/2003 --output warehouse --jobs 2 --on-truncated keep
              edgar-etl run --pipeline pipelines/nightly.yaml --jobs 1      (flags override the file)

            Each input is a source: its rows go to part files named after it (its file name and a hash of its
            absolute path), its manifest to OUT/_manifests/<source>.json. Re-running an input replaces exactly
            what it produced before.

            Memory: at most 64 MiB of members are in flight between reading and writing, whatever
            --jobs and --readers are (shared between the readers; a member above a reader's share still
            goes through alone), plus one member being read per reader.
            Limits apply per member: a member above --max-member-bytes is skipped unheld and reading
            goes on; an input that inflates past --max-inflated-bytes (default 1 TiB) is given up.

            \(ExitStatus.helpText)
            """
    )

    @Argument(help: "Archives, files or folders to read (folders are read recursively).")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("A pipeline file (pipelines/*.yaml); flags given here override it.", valueName: "file"))
    var pipeline: String?

    @Option(help: ArgumentHelp(
        "Read input paths from this file, one per line (- for stdin). Each committed input is then reported as one JSON line on stdout, and _SUCCESS is left to `edgar-etl commit`.",
        valueName: "file"))
    var inputsFrom: String?

    @Option(help: "This process's shard (0-based). Default: JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID when --shard-count is given.")
    var shardIndex: Int?

    @Option(help: "Number of shards the inputs are split across; each input always goes to the same shard.")
    var shardCount: Int = 1

    @Option(name: .shortAndLong, help: "Output folder (OUT).")
    var output: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(PipelineFileSchema.flagHelp("jobs")))
    var jobs: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("readers")))
    var readers: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("compression")))
    var compression: Compression?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("compression_level")))
    var compressionLevel: Int32?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("partition")))
    var partition: PartitionGranularity?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("rejects.on_truncated")))
    var onTruncated: TruncatedPolicy?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("limits.max_member_bytes")))
    var maxMemberBytes: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("limits.max_compression_ratio")))
    var maxCompressionRatio: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("limits.max_inflated_bytes")))
    var maxInflatedBytes: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("limits.max_xml_depth")))
    var maxXmlDepth: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("limits.max_document_bytes")))
    var maxDocumentBytes: Int?

    @Flag(help: ArgumentHelp(PipelineFileSchema.flagHelp("recover_xml")))
    var recoverXml = false

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("rejects.max_rejects")))
    var maxRejects: Int?

    @Option(help: ArgumentHelp(PipelineFileSchema.flagHelp("rejects.max_reject_ratio")))
    var maxRejectRatio: Double?

    @Option(help: "Progress line on stderr: auto (when stderr is a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Option(help: ArgumentHelp("Also write the end-of-run summary as JSON to this file.", valueName: "file"))
    var summaryJson: String?

    @Flag(help: "Process every input again, even one whose manifest in OUT already records it unchanged (same path, size and SHA-256, files intact); such inputs are otherwise hashed and skipped. Needed after changing --forms, --recover-xml or a limit, which manifests do not record.")
    var force = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard !inputs.isEmpty || inputsFrom != nil || pipeline != nil else {
            throw ValidationError("give at least one input, --inputs-from or --pipeline")
        }
        // No check for --output here: validate() runs before ArgumentParser reports an unknown option, so a misspelt
        // `--ouptut out` would read as "give --output"; run() checks it once the options are known to be right.
        // The ranges are the pipeline keys' (`PipelineFileSchema`), so a flag and a file accept the same values.
        let flags = flagSettings
        let integers: [(path: String, value: Int?)] = [
            ("jobs", flags.jobs), ("readers", flags.readers), ("compression_level", flags.compressionLevel),
            ("limits.max_member_bytes", flags.limits.maxMemberBytes), ("limits.max_compression_ratio", flags.limits.maxCompressionRatio),
            ("limits.max_inflated_bytes", flags.limits.maxInflatedBytes), ("limits.max_xml_depth", flags.limits.maxXMLDepth),
            ("limits.max_document_bytes", flags.limits.maxDocumentBytes), ("rejects.max_rejects", flags.rejects.maxRejects),
        ]
        for case let (path, value?) in integers {
            if let problem = PipelineFileSchema.flagProblem(path, value) { throw ValidationError(problem) }
        }
        if let maxRejectRatio, !PipelineFileSchema.rejectRatioRange.contains(maxRejectRatio) {
            throw ValidationError("--max-reject-ratio must be between 0 and 1")
        }
        guard shardCount >= 1 else { throw ValidationError("--shard-count must be at least 1") }
        if shardCount > 1 {
            guard let index = shardIndex ?? Shard.indexFromEnvironment() else {
                throw ValidationError("--shard-count \(shardCount) needs --shard-index or one of \(Shard.indexVariables.joined(separator: ", "))")
            }
            guard (0..<shardCount).contains(index) else {
                throw ValidationError("shard index \(index) is outside 0..<\(shardCount)")
            }
        }
    }

    func run() throws {
        let logger = logging.makeLogger()
        let file = try loadPipelineFile()
        guard let out = output ?? file?.output else { throw ValidationError("give --output or output: in the pipeline file") }
        let options = resolvedOptions(output: out, file: file)

        var paths = inputs.isEmpty ? (file?.inputs ?? []) : inputs
        let messages = StderrMessages(format: logging.logFormat)
        // A redrawn progress line is not a JSON record: with --log-format json stderr carries records only.
        let display = ProgressDisplay(mode: logging.logFormat == .json ? .never : progress)
        var onSource: Pipeline.SourceHandler = { source in
            display.clearForLogging()
            SourceLog.record(source, to: logger)
        }
        var runOptions = options
        if let inputsFrom {
            paths += try InputList.read(inputsFrom)
            runOptions.writeSuccessMarker = false
            onSource = { source in
                display.clearForLogging()
                SourceLog.record(source, to: logger)
                guard source.status == .committed else { return }
                FileHandle.standardOutput.write(Data(ManifestLine.render(source).utf8))
            }
        }
        let shard = shardCount > 1 ? Shard(index: shardIndex ?? Shard.indexFromEnvironment()!, count: shardCount) : .whole

        let cancellation = CancellationToken()
        let signals = SignalWatcher(cancellation: cancellation, messages: messages)
        defer { signals.stop() }
        // Past a file-size limit (ulimit -f), write(2) should fail with EFBIG and the source fail cleanly,
        // instead of the process being killed by SIGXFSZ half-way through a part file.
        signal(SIGXFSZ, SIG_IGN)

        // Inputs, not arguments: a folder argument holds many, and a missing one is still one (unreadable).
        let planned = Pipeline.plan(paths)
        logger.info("run started", metadata: ["run.inputs": "\(planned.count)", "run.output": "\(out)", "run.jobs": "\(runOptions.jobs)"])
        let report: RunReport
        let (maxRejects, maxRejectRatio) = (runOptions.maxRejects, runOptions.maxRejectRatio)
        do {
            report = try Pipeline(options: runOptions).run(
                inputs: paths, shard: shard, cancellation: cancellation, progress: display.handler, onSource: onSource,
                successAllowed: { [.success, .successWithRejects].contains(ExitStatus.of($0, maxRejects: maxRejects, maxRejectRatio: maxRejectRatio)) })
        } catch {
            display.finish()
            messages.say("cannot write the output folder \(out): \(error)")
            throw ExitCode(ExitStatus.forOutputError(error).rawValue)
        }
        if let withheld = report.successWithheld {
            messages.say("_SUCCESS not written: \(withheld)")
        }
        display.finish()
        let status: ExitStatus
        // A shard may own none of the inputs (N larger than the list, or an unlucky hash): that is a success,
        // since exit 4 would fail its index on a scheduler. Only an empty input list as a whole is an error.
        let noInputs = report.sources.isEmpty && !report.interrupted && planned.isEmpty
        if noInputs {
            status = .inputFailed
        } else {
            status = ExitStatus.of(report, maxRejects: maxRejects, maxRejectRatio: maxRejectRatio)
        }
        messages.summary(report, status: status)
        if noInputs { messages.say("no input files found in \(paths.joined(separator: ", "))") }
        if let summaryJson {
            do {
                try Data(SummaryJSON.render(report, exitStatus: status).utf8).write(to: URL(fileURLWithPath: summaryJson))
            } catch {
                messages.say("cannot write \(summaryJson): \(error)")
            }
        }
        logger.info("run finished", metadata: ["run.exit_status": "\(status.rawValue)", "run.filings": "\(report.filings)"])
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private func loadPipelineFile() throws -> PipelineFile? {
        guard let pipeline else { return nil }
        do {
            return try PipelineFileLoader.load(path: pipeline)
        } catch {
            StderrMessages(format: logging.logFormat).say("\(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// Defaults, then the pipeline file, then the flags given on the command line (`PipelineFile.apply`, twice).
    private func resolvedOptions(output: String, file: PipelineFile?) -> PipelineOptions {
        var options = PipelineOptions(output: output)
        file?.apply(to: &options)
        flagSettings.apply(to: &options)
        options.output = output
        if force { options.force = true }
        return options
    }

    /// The flags given, as the pipeline file that would say the same (nil where a flag is absent).
    private var flagSettings: PipelineFile {
        PipelineFile(
            output: output, partition: partition, compression: compression, compressionLevel: compressionLevel.map(Int.init),
            jobs: jobs, readers: readers, recoverXML: recoverXml ? true : nil,
            limits: .init(
                maxMemberBytes: maxMemberBytes, maxCompressionRatio: maxCompressionRatio, maxXMLDepth: maxXmlDepth,
                maxDocumentBytes: maxDocumentBytes, maxInflatedBytes: maxInflatedBytes),
            rejects: .init(onTruncated: onTruncated, maxRejects: maxRejects, maxRejectRatio: maxRejectRatio))
    }
}

extension Compression: ExpressibleByArgument {}
extension PartitionGranularity: ExpressibleByArgument {}
extension TruncatedPolicy: ExpressibleByArgument {}
