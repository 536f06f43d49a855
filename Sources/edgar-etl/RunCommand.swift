import ArgumentParser
import Dispatch
import EdgarCore
import EdgarPipeline
import EdgarWriters
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the ETL over archives, files and folders.",
        discussion: """
            Examples:
              edgar-etl run samples --output out
              edgar-etl run 20031112.nc.tar.gz --output warehouse --compression none
              edgar-etl run /data/feed/2003 --output warehouse --jobs 2 --on-truncated keep

            Each input is a source: its rows go to part files named after it, its manifest to
            OUT/_manifests/<source>.json. Re-running an input replaces exactly what it produced before.

            \(ExitStatus.helpText)
            """
    )

    @Argument(help: "Archives, files or folders to read (folders are read recursively).")
    var inputs: [String] = []

    @Option(help: ArgumentHelp(
        "Read input paths from this file, one per line (- for stdin). Each committed input is then reported as one JSON line on stdout, and _SUCCESS is left to `edgar-etl commit`.",
        valueName: "file"))
    var inputsFrom: String?

    @Option(help: "This process's shard (0-based). Default: JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID when --shard-count is given.")
    var shardIndex: Int?

    @Option(help: "Number of shards the inputs are split across; each input always goes to the same shard.")
    var shardCount: Int = 1

    @Option(name: .shortAndLong, help: "Output folder (OUT).")
    var output: String

    @Option(name: .shortAndLong, help: "Transformer workers (default: the number of cores).")
    var jobs: Int = PipelineOptions.defaultJobs

    @Option(help: "Part file compression: gzip or none.")
    var compression: Compression = .gzip

    @Option(help: "gzip level 1 (fastest) to 9 (smallest).")
    var compressionLevel: Int32 = 6

    @Option(help: "Partition folders: day, month, year or none.")
    var partition: PartitionGranularity = .month

    @Option(help: "A damaged (truncated) input: skip it, or keep the members read whole before the damage.")
    var onTruncated: TruncatedPolicy = .skip

    @Option(help: "Largest member read into memory, in bytes; larger members are rejected member_too_large.")
    var maxMemberBytes: Int = 64 << 20

    @Option(help: "Largest decompression ratio allowed for a member before it counts as a bomb.")
    var maxCompressionRatio: Int = 1000

    @Option(help: "Deepest XML element nesting accepted; deeper documents are rejected malformed_xml.")
    var maxXmlDepth: Int = 64

    @Option(help: "Largest ownership document parsed, in bytes; larger ones are rejected.")
    var maxDocumentBytes: Int = 16 << 20

    @Option(help: "Fail the run (exit 5) when more than this many rejects were written.")
    var maxRejects: Int?

    @Option(help: "Fail the run (exit 5) when rejects exceed this fraction of filings plus rejects (0 to 1).")
    var maxRejectRatio: Double?

    func validate() throws {
        guard !inputs.isEmpty || inputsFrom != nil else { throw ValidationError("give at least one input, or --inputs-from") }
        guard shardCount >= 1 else { throw ValidationError("--shard-count must be at least 1") }
        if shardCount > 1 {
            guard let index = shardIndex ?? Shard.indexFromEnvironment() else {
                throw ValidationError("--shard-count \(shardCount) needs --shard-index or one of \(Shard.indexVariables.joined(separator: ", "))")
            }
            guard (0..<shardCount).contains(index) else {
                throw ValidationError("shard index \(index) is outside 0..<\(shardCount)")
            }
        }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard (1...9).contains(compressionLevel) else { throw ValidationError("--compression-level must be 1 to 9") }
        guard maxMemberBytes >= 1024 else { throw ValidationError("--max-member-bytes must be at least 1024") }
        guard maxCompressionRatio >= 2 else { throw ValidationError("--max-compression-ratio must be at least 2") }
        guard maxXmlDepth >= 8 else { throw ValidationError("--max-xml-depth must be at least 8") }
        guard maxDocumentBytes >= 1024 else { throw ValidationError("--max-document-bytes must be at least 1024") }
        if let maxRejects, maxRejects < 0 { throw ValidationError("--max-rejects must be zero or more") }
        if let maxRejectRatio, !(0...1).contains(maxRejectRatio) {
            throw ValidationError("--max-reject-ratio must be between 0 and 1")
        }
    }

    func run() throws {
        var options = PipelineOptions(output: output, jobs: jobs)
        options.compression = compression
        options.compressionLevel = compressionLevel
        options.granularity = partition
        options.onTruncated = onTruncated
        options.readerLimits.maxMemberBytes = maxMemberBytes
        options.readerLimits.maxCompressionRatio = maxCompressionRatio
        options.xmlLimits.maxDepth = maxXmlDepth
        options.xmlLimits.maxDocumentBytes = maxDocumentBytes
        // Past a file-size limit (ulimit -f), write(2) should fail with EFBIG and the source fail cleanly,
        // instead of the process being killed by SIGXFSZ half-way through a part file.
        signal(SIGXFSZ, SIG_IGN)

        let cancellation = CancellationToken()
        let signals = SignalWatcher(cancellation: cancellation)
        defer { signals.stop() }

        var paths = inputs
        var onSource: Pipeline.SourceHandler?
        if let inputsFrom {
            paths += try InputList.read(inputsFrom)
            options.writeSuccessMarker = false
            onSource = { source in
                guard source.status == .committed else { return }
                let line = ManifestLine.render(source)
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
        let shard = shardCount > 1 ? Shard(index: shardIndex ?? Shard.indexFromEnvironment()!, count: shardCount) : .whole

        let report: RunReport
        do {
            report = try Pipeline(options: options).run(inputs: paths, shard: shard, cancellation: cancellation, onSource: onSource)
        } catch {
            FileHandle.standardError.write(Data("edgar-etl: cannot prepare \(output): \(error)\n".utf8))
            throw ExitCode(ExitStatus.outputFailed.rawValue)
        }
        FileHandle.standardError.write(Data(SummaryText.render(report).utf8))
        if report.sources.isEmpty {
            FileHandle.standardError.write(Data("edgar-etl: no input files found in \(paths.joined(separator: ", "))\n".utf8))
            throw ExitCode(ExitStatus.inputFailed.rawValue)
        }
        let status = ExitStatus.of(report, maxRejects: maxRejects, maxRejectRatio: maxRejectRatio)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension Compression: ExpressibleByArgument {}
extension PartitionGranularity: ExpressibleByArgument {}
extension TruncatedPolicy: ExpressibleByArgument {}

/// Turns SIGINT and SIGTERM into a cancellation the reader checks between members.
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init(cancellation: CancellationToken) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                cancellation.cancel()
                FileHandle.standardError.write(Data("edgar-etl: stopping after the current members; nothing partial is committed\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        for source in sources { source.cancel() }
    }
}
