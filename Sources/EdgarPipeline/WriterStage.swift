import EdgarCore
import EdgarWriters

/// Stage 4 on the writer thread: opens a sink per source on its first batch, feeds it in order, and
/// finishes it on the source's last batch.
struct WriterStage {
    private let directory: OutputDirectory
    private let options: PipelineOptions
    private let keys: [String]
    private let paths: [String]
    private(set) var openSinks: [Int: SourceSink] = [:]
    /// Sources whose output failed mid-way: their remaining batches are dropped.
    private var failedSources: Set<Int> = []

    init(directory: OutputDirectory, options: PipelineOptions, keys: [String], paths: [String]) {
        self.directory = directory
        self.options = options
        self.keys = keys
        self.paths = paths
    }

    /// Applies one batch; returns the source's final report when the batch finished it.
    mutating func apply(_ batch: ResultBatch, report: inout RunReport, progress: inout RunProgress) -> RunReport.Source? {
        let index = batch.sourceIndex
        if failedSources.contains(index) {
            if batch.end != nil { progress.inputsDone += 1 }
            return nil
        }
        let sink: SourceSink
        if let open = openSinks[index] {
            sink = open
        } else {
            do {
                sink = try SourceSink(path: paths[index], key: keys[index], directory: directory, options: options)
            } catch {
                report.sources[index].status = .failedOutput
                report.sources[index].message = "\(error)"
                report.sources[index].permanent = error.isPermanentOutputError
                failedSources.insert(index)
                if batch.end != nil { progress.inputsDone += 1 }
                return report.sources[index]
            }
            openSinks[index] = sink
        }
        var writeError: Error?
        for item in batch.items where writeError == nil {
            do { progress.count(try sink.consume(item)) } catch { writeError = error }
        }
        if let writeError {
            openSinks[index] = nil
            failedSources.insert(index)
            if batch.end != nil { progress.inputsDone += 1 }
            var failed = sink.abandon()
            failed.status = .failedOutput
            failed.message = "\(writeError)"
            failed.permanent = writeError.isPermanentOutputError
            report.sources[index] = failed
            return failed
        }
        if let end = batch.end {
            openSinks[index] = nil
            report.sources[index] = sink.finish(end)
            progress.inputsDone += 1
            return report.sources[index]
        }
        return nil
    }
}

/// Counters for the progress display, updated on the writer thread.
public struct RunProgress: Sendable {
    public var inputsTotal: Int
    public var inputsDone = 0
    public var filings = 0
    public var rejects = 0
    public var skipped = 0
    /// Input bytes read so far (compressed, as on disk), counted as the reader goes, not when an input ends.
    public var bytesRead = 0
    /// The size of every input, read or not.
    public var bytesTotal = 0

    public init(inputsTotal: Int) { self.inputsTotal = inputsTotal }

    mutating func count(_ item: ProcessedItem) {
        switch item {
        case .filing: filings += 1
        case .reject: rejects += 1
        case .skipped: skipped += 1
        }
    }
}
