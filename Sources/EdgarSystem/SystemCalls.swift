import Glibc
import SystemPackage

/// The one EINTR loop, for the C calls swift-system does not wrap (the `*at` calls, `flock`, `fcntl`):
/// calls `body` again while it fails with EINTR; any other failure comes back as its `Errno`.
/// (`FileDescriptor`'s own calls retry EINTR themselves.) Never for `close`, whose EINTR must not be retried.
@inline(__always)
func retryingInterrupts<Value: FixedWidthInteger>(_ body: () -> Value) -> Result<Value, Errno> {
    while true {
        let value = body()
        if value != -1 { return .success(value) }
        let failure = Errno(rawValue: Glibc.errno)
        if failure != .interrupted { return .failure(failure) }
    }
}

extension Result where Failure == Errno {
    /// The value, or a `SystemError` naming the call and path.
    @inline(__always)
    func get(_ operation: String, _ path: String) throws(SystemError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let errno): throw SystemError(operation: operation, path: path, errno: errno)
        }
    }
}

/// Runs a swift-system call (untyped `throws`, always an `Errno`) and names the call and path on failure.
@inline(__always)
func calling<Value>(_ operation: String, _ path: String, _ body: () throws -> Value) throws(SystemError) -> Value {
    do {
        return try body()
    } catch {
        throw SystemError(operation: operation, path: path, errno: error as? Errno ?? .ioError)
    }
}
