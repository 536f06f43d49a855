import Dispatch
import Synchronization

/// One budget for the member bytes between the reader and the writer, whatever the number of workers. The
/// ticket window bounds batches, not bytes: with large members every batch holds one of them, so the bytes in
/// flight grew with `--jobs` (40 members of 15 MiB reached 1.08 GB with 16 jobs, 1.37 GB with 32). The reader
/// takes a batch's bytes before handing it on; the writer gives them back once it has applied the batch.
final class ByteBudget: Sendable {
    private struct State {
        var inUse = 0
        var peak = 0
        var waiting = false
    }

    let limit: Int
    private let state = Mutex(State())
    /// Wakes the one waiter (the reader thread) when bytes come back.
    private let wake = DispatchSemaphore(value: 0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Waits until `bytes` fit in the budget, then takes them. A batch larger than the whole budget (one member
    /// above it) still goes through once nothing else is in flight, so a run never stalls; the budget is then
    /// exceeded by that one batch only. Called from one thread only.
    func acquire(_ bytes: Int) {
        guard bytes > 0 else { return }
        while true {
            let taken = state.withLock { state -> Bool in
                guard state.inUse == 0 || state.inUse + bytes <= limit else {
                    state.waiting = true
                    return false
                }
                state.inUse += bytes
                state.peak = max(state.peak, state.inUse)
                return true
            }
            if taken { return }
            wake.wait()
        }
    }

    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        let wakeWaiter = state.withLock { state -> Bool in
            state.inUse -= bytes
            defer { state.waiting = false }
            return state.waiting
        }
        if wakeWaiter { wake.signal() }
    }

    /// The most bytes ever in flight at once.
    var peak: Int { state.withLock { $0.peak } }
}
