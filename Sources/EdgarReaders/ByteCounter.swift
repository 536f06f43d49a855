import Synchronization

/// Input bytes consumed so far, across inputs: the reader adds each chunk as it reads it, and the progress display
/// reads the total from another thread, so a single big archive shows how far it is rather than 0 until its end.
public final class ByteCounter: Sendable {
    private let bytes = Atomic<Int>(0)

    public init() {}

    public func add(_ count: Int) { bytes.add(count, ordering: .relaxed) }

    public var value: Int { bytes.load(ordering: .relaxed) }
}
