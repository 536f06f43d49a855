import Dispatch
import Synchronization

/// A blocking FIFO of fixed capacity between two stages: `put` waits while the queue is full, which is the
/// back-pressure that keeps memory flat however fast the reader is.
final class BoundedQueue<Element: Sendable>: Sendable {
    private let slots: DispatchSemaphore
    private let items = DispatchSemaphore(value: 0)
    private let storage = Mutex<[Element?]>([])

    init(capacity: Int) {
        precondition(capacity > 0)
        slots = DispatchSemaphore(value: capacity)
    }

    /// Adds an element, or the end-of-stream marker (nil), waiting for room.
    func put(_ element: Element?) {
        slots.wait()
        storage.withLock { $0.append(element) }
        items.signal()
    }

    /// Takes the oldest element; nil is the end-of-stream marker.
    func take() -> Element? {
        items.wait()
        let element = storage.withLock { $0.removeFirst() }
        slots.signal()
        return element
    }
}
