#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EdgarCore

/// Run-level bookkeeping of OUT: `_SUCCESS` goes when a run starts and comes back only when every source of
/// the run committed; staging folders of dead attempts on this host are swept.
public struct OutputDirectory: Sendable {
    public let layout: OutputLayout
    /// Unique to this process: `<host>.<pid>.<random>`, so concurrent attempts never share a staging folder.
    public let attemptID: String

    public init(layout: OutputLayout) {
        self.layout = layout
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() & 0xffff_ffff, radix: 16)
        attemptID = OutputDirectory.hostLabel() + "." + String(getpid()) + "." + suffix
    }

    /// Creates OUT, removes `_SUCCESS` (this run has not succeeded yet) and sweeps dead attempts' staging.
    public func prepare() throws {
        try FileSystem.makeDirectories(layout.root)
        try FileSystem.makeDirectories(layout.stagingFolder)
        try FileSystem.removeFile(layout.successMarker)
        sweepDeadStaging()
    }

    /// Writes `_SUCCESS` (empty, so it is the same bytes every run) and removes the staging folder if empty.
    public func markSuccess() throws {
        try FileSystem.writeAtomically([], to: layout.successMarker, temporaryDirectory: layout.root)
        if FileSystem.listDirectory(layout.stagingFolder).isEmpty { rmdir(layout.stagingFolder) }
    }

    /// Removes staging folders left by processes of this host that no longer run (a `kill -9`).
    public func sweepDeadStaging() {
        let host = OutputDirectory.hostLabel()
        for name in FileSystem.listDirectory(layout.stagingFolder) {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, String(parts[parts.count - 3]) == host, let pid = Int32(parts[parts.count - 2]) else {
                continue
            }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                FileSystem.removeTree(layout.stagingFolder + "/" + name)
            }
        }
    }

    static func hostLabel() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return SourceKey.sanitize(name).replacingDots()
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "_" : $0 })
    }
}
