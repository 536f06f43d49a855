import EdgarCore
import EdgarReaders

/// What a reader hands to the workers: a few members of one source, in order (`sequence` counts within the
/// source), and, on the last batch of a source, how reading it ended.
struct WorkBatch: Sendable {
    var sequence: Int
    var sourceIndex: Int
    var events: [ReadEvent]
    var end: SourceEnd?
    /// Member bytes taken from the reader's `ByteBudget` for this batch, given back once the writer applied it.
    var budgetBytes = 0
    /// The reader that read it, whose budget gets the bytes back.
    var reader = 0
}

/// How reading a source ended.
struct SourceEnd: Sendable {
    var bytes: Int
    var sha256: String
    var failure: SourceFailure?
    /// `failure`'s reject row, encoded by the worker that passes the end on (`FilingProcessor.encode(_:)`) like
    /// every other row, so the writer only routes bytes. Empty while the end is still on its way to a worker.
    var failureRow: [UInt8] = []
}

/// What a worker hands to the writer for one batch, in the batch's order.
struct ResultBatch: Sendable {
    var sequence: Int
    var sourceIndex: Int
    var items: [ProcessedItem]
    var end: SourceEnd?
    var budgetBytes = 0
    var reader = 0
}

/// The outcome of one member or document.
enum ProcessedItem: Sendable {
    case filing(EncodedFiling)
    case reject(Reject, line: [UInt8], partition: PartitionKey)
    case skipped(formType: String)
}
