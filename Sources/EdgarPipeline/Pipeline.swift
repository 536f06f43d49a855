import Dispatch
import EdgarCore
import EdgarReaders
import EdgarTransformers
import EdgarWriters
import Foundation
import Synchronization

/// The four stages wired together on Dispatch:
///
///     reader ×readers ──q1──▶ worker ×jobs ──q2──▶ reorder ▶ writer
///     (files, gzip,            (extract, parse,      (per-source order, per-source staging, commit)
///      tar, zip)                encode rows)
///
/// Queues are bounded, and a window of tickets bounds the batches in flight, so memory stays flat whatever
/// the archive size. Each reader takes the next unread input; inflating is most of a run's CPU, so with one
/// reader a reprocess of many archives used one core. Every batch carries its sequence number within its
/// source and the writer restores that order per source: sources are written independently (their own
/// parts and manifest), so the output is byte-identical for any number of readers and workers.
public struct Pipeline: Sendable {
    public var options: PipelineOptions

    public init(options: PipelineOptions) {
        self.options = options
    }

    /// Called on the writer thread after each batch; cheap to ignore.
    public typealias ProgressHandler = @Sendable (RunProgress) -> Void
    /// Called on the writer thread when a source is committed or has failed.
    public typealias SourceHandler = @Sendable (RunReport.Source) -> Void

    /// The inputs a run over `paths` reads, in order, with their source keys. Keys are derived from the whole
    /// list before sharding, so every shard names a source the way a single run would. A cancellation stops
    /// the folder walk early (the list is then empty: the run reads nothing and reports the interruption).
    public static func plan(
        _ paths: [String], cancellation: CancellationToken? = nil
    ) -> [(input: DiscoveredInput, key: String)] {
        let discovered = InputDiscovery.expand(paths) { cancellation?.isCancelled ?? false }
        return Array(zip(discovered, SourceKey.keys(for: discovered.map(\.path))))
    }

    /// Runs the ETL. With a shard other than `.whole` (or `writeSuccessMarker` off), only that shard's inputs
    /// are read and `_SUCCESS` is left to `edgar-etl commit`. A whole run removes `_SUCCESS` when it starts and
    /// writes it back only when at least one input committed, every input committed, `successAllowed` agrees
    /// (the CLI's reject thresholds) and no other attempt is writing to OUT.
    public func run(
        inputs: [String], shard: Shard = .whole, cancellation: CancellationToken = CancellationToken(),
        progress: ProgressHandler? = nil, onSource: SourceHandler? = nil,
        successAllowed: (RunReport) -> Bool = { _ in true }
    ) throws -> RunReport {
        let started = DispatchTime.now()
        XMLRuntime.initialize()
        let planned = Pipeline.plan(inputs, cancellation: cancellation).filter { shard.owns($0.input.path) }
        let discovered = planned.map(\.input)
        let paths = discovered.map(\.path)
        let keys = planned.map(\.key)
        let ownsSuccess = shard == .whole && options.writeSuccessMarker
        let directory = OutputDirectory(
            layout: OutputLayout(root: options.output, compression: options.compression), withdrawsSuccessAtStart: ownsSuccess)
        do {
            try directory.prepare()
            try directory.checkKeys(zip(paths, keys).map { (path: $0, key: $1) })
        } catch {
            directory.finish()
            throw error
        }

        let options = self.options
        // Inputs committed from these very bytes by an earlier run are hashed and left alone. The hashing runs in
        // the background while the reader starts on the inputs that have no manifest (tonight's new day), which
        // it reads first; it reads a candidate only once the hashing is done and found it changed.
        let skipCheck = SkipCheck(planned, options: options, cancellation: cancellation)

        let jobs = options.jobs
        let toWorkers = BoundedQueue<WorkBatch>(capacity: jobs * 2)
        let toWriter = BoundedQueue<ResultBatch>(capacity: jobs * 2)
        let window = DispatchSemaphore(value: jobs * 4)
        // One reader per input at most; each has its own share of the member budget (a budget's waiter is its
        // one reader), so the bytes in flight stay bounded whatever the number of readers.
        let readers = max(1, min(options.readers, discovered.count))
        let budgets = (0..<readers).map { _ in
            ByteBudget(limit: readers == 1 ? options.memberBytesInFlight : max(1 << 20, options.memberBytesInFlight / readers))
        }
        let group = DispatchGroup()

        let consumed = ByteCounter()
        let nextInput = InputCursor(order: skipCheck.readingOrder)
        let finishedReaders = WorkerCountdown(count: readers)
        for reader in 0..<readers {
            DispatchQueue(label: "edgar-etl.reader.\(reader)").async(group: group) {
                Pipeline.readInputs(
                    discovered, taking: nextInput, skipCheck: skipCheck, reader: reader, options: options, consumed: consumed,
                    cancellation: cancellation, window: window, budget: budgets[reader], into: toWorkers)
                if finishedReaders.finishOne() { for _ in 0..<jobs { toWorkers.put(nil) } }
            }
        }
        let finishedWorkers = WorkerCountdown(count: jobs)
        for index in 0..<jobs {
            DispatchQueue(label: "edgar-etl.worker.\(index)").async(group: group) {
                let processor = FilingProcessor(options: options)
                while let batch = toWorkers.take() {
                    var items: [ProcessedItem] = []
                    items.reserveCapacity(batch.events.count)
                    for event in batch.events { processor.process(event, into: &items) }
                    toWriter.put(ResultBatch(
                        sequence: batch.sequence, sourceIndex: batch.sourceIndex, items: items, end: batch.end.map(processor.encode),
                        budgetBytes: batch.budgetBytes, reader: batch.reader))
                }
                if finishedWorkers.finishOne() { toWriter.put(nil) }
            }
        }

        var report = RunReport()
        report.sources = zip(paths, keys).map { RunReport.Source(path: $0, key: $1, status: .interrupted) }
        var writer = WriterStage(directory: directory, options: options, keys: keys, paths: paths)
        var reorder: [Int: ReorderBuffer<ResultBatch>] = [:]
        var tracker = RunProgress(inputsTotal: paths.count)
        tracker.bytesTotal = Pipeline.totalSize(discovered)
        while let batch = toWriter.take() {
            let source = batch.sourceIndex
            reorder[source, default: ReorderBuffer()].insert(batch, at: batch.sequence)
            while let next = reorder[source]?.popNext() {
                window.signal()
                budgets[next.reader].release(next.budgetBytes)
                if next.end != nil { reorder[source] = nil }
                if let finished = writer.apply(next, report: &report, progress: &tracker) { onSource?(finished) }
                tracker.bytesRead = consumed.value
                progress?(tracker)
            }
        }
        group.wait()
        for (index, sink) in writer.openSinks { report.sources[index] = sink.abandon() }
        for (index, counts) in skipCheck.unchanged.sorted(by: { $0.key < $1.key }) {
            var source = report.sources[index]
            source.status = .committed
            source.alreadyCommitted = true
            source.bytes = counts.bytes
            source.filings = counts.filings
            source.rows = counts.rows
            source.rejects = counts.rejects
            source.skipped = counts.skipped
            report.sources[index] = source
            onSource?(source)
        }
        report.interrupted = cancellation.isCancelled
        report.peakMemberBytesInFlight = budgets.reduce(0) { $0 + $1.peak }
        report.bytesStreamed = consumed.value
        directory.finish()
        if ownsSuccess && report.allCommitted && report.sources.contains(where: { $0.status == .committed })
            && successAllowed(report)
        {
            report.successWithheld = try directory.markSuccessIfComplete(zip(paths, keys).map { (path: $0, key: $1) })
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }

    /// Stage 1, one reader: takes the next unread input until none is left, and cuts its members into batches
    /// numbered within the source.
    private static func readInputs(
        _ inputs: [DiscoveredInput], taking cursor: InputCursor, skipCheck: SkipCheck, reader readerIndex: Int, options: PipelineOptions,
        consumed: ByteCounter, cancellation: CancellationToken, window: DispatchSemaphore, budget: ByteBudget,
        into queue: BoundedQueue<WorkBatch>
    ) {
        let reader = InputReader(limits: options.readerLimits, consumed: consumed)
        // A batch is cut at 4 MiB of members, or at a quarter of a small budget so that several batches fit in it.
        let batchBytes = min(4 << 20, max(1, budget.limit / 4))
        var sequence = 0
        func send(_ source: Int, _ events: [ReadEvent], _ end: SourceEnd?, bytes: Int = 0) {
            window.wait()
            budget.acquire(bytes)
            queue.put(WorkBatch(
                sequence: sequence, sourceIndex: source, events: events, end: end, budgetBytes: bytes, reader: readerIndex))
            sequence += 1
        }
        while let index = cursor.next() {
            let input = inputs[index]
            sequence = 0
            if cancellation.isCancelled { return }
            if skipCheck.isUnchanged(index) { continue }
            switch input {
            case .unreadable(let path, let reason):
                let reject = Reject(
                    source: SourceRef(archive: path), stage: .read, code: .unreadableInput,
                    message: "cannot read \(path): \(reason)")
                send(index, [], SourceEnd(bytes: 0, sha256: "", failure: SourceFailure(reject: reject, keepable: false)))
            case .file(let path):
                var events: [ReadEvent] = []
                var pendingBytes = 0
                do {
                    let summary = try reader.read(path: path, label: path) { event in
                        if cancellation.isCancelled { throw CancelledError() }
                        if case .member(let member) = event { pendingBytes += member.bytes.count }
                        events.append(event)
                        if events.count >= options.batchSize || pendingBytes >= batchBytes {
                            send(index, events, nil, bytes: pendingBytes)
                            events.removeAll(keepingCapacity: true)
                            pendingBytes = 0
                        }
                    }
                    send(
                        index, events, SourceEnd(bytes: summary.bytesRead, sha256: summary.sha256, failure: summary.failure),
                        bytes: pendingBytes)
                } catch {
                    // Cancelled: the writer abandons the open source when the stream ends without its end.
                    return
                }
            }
        }
    }
}

extension Pipeline {
    /// The bytes of every readable input, for the progress display's share read and ETA.
    static func totalSize(_ inputs: [DiscoveredInput]) -> Int {
        inputs.reduce(0) { total, input in
            guard case .file(let path) = input,
                let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
            else { return total }
            return total + size
        }
    }
}

/// Hands out the inputs to the readers, each once, in order.
private final class InputCursor: Sendable {
    private let taken = Atomic<Int>(0)
    private let order: [Int]

    /// `order`: the input indices in the order they are to be read.
    init(order: [Int]) { self.order = order }

    func next() -> Int? {
        let position = taken.wrappingAdd(1, ordering: .relaxed).oldValue
        return position < order.count ? order[position] : nil
    }
}

/// Lets the last of several threads to finish close the queue after them.
private final class WorkerCountdown: Sendable {
    private let remaining: Mutex<Int>

    init(count: Int) { remaining = Mutex(count) }

    /// True for the caller that brought the count to zero.
    func finishOne() -> Bool {
        remaining.withLock {
            $0 -= 1
            return $0 == 0
        }
    }
}
