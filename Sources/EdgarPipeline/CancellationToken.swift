import Synchronization

/// Set when the run is interrupted (`edgar-etl run` on SIGINT or SIGTERM); checked while inputs are discovered,
/// while committed sources are checked for skipping, and by the reader before each input and between members.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Thrown out of the reader's member callback to stop reading an input once the run is cancelled.
struct CancelledError: Error {}
