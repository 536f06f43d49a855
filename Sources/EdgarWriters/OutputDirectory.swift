import EdgarCore
import EdgarSystem
import Glibc  // gethostname, getpid
import Synchronization
import SystemPackage

/// Run-level bookkeeping of OUT: the attempt's liveness lock, the sweep of dead attempts' staging, the
/// check of source keys before anything is read, and `_SUCCESS`.
///
/// An attempt is alive while it holds `flock` on `_staging/<attempt>.lock` (`<host>.<pid>.<random>`); its
/// staging folders are `_staging/<source-key>.<attempt>`. A lock that can be taken belongs to a dead attempt
/// (kill -9, a lost machine: the kernel or the file server dropped the lock), whose staging is then removed.
public final class OutputDirectory: Sendable {
    public let layout: OutputLayout
    /// Unique to this process: `<host>.<pid>.<random>`, so concurrent attempts never share a staging folder.
    public let attemptID: String
    /// Whether this attempt removed `_SUCCESS` when it started (a whole run), or leaves it to source commits
    /// that change a manifest (a shard: a late duplicate that rewrites the same bytes keeps the job's marker).
    public let withdrawsSuccessAtStart: Bool
    /// The attempt's liveness lock, held from `prepare()` to `finish()`.
    private let attemptLock = AttemptLockSlot()

    public init(layout: OutputLayout, withdrawsSuccessAtStart: Bool = true) {
        self.layout = layout
        self.withdrawsSuccessAtStart = withdrawsSuccessAtStart
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() & 0xffff_ffff, radix: 16)
        attemptID = OutputDirectory.hostLabel() + "." + String(getpid()) + "." + suffix
    }

    /// Creates OUT, refuses a `_staging`, `_manifests` or `_locks` that is a link, announces this attempt,
    /// removes `_SUCCESS` for a whole run, and sweeps dead attempts' staging.
    public func prepare() throws {
        if FileSystem.exists(layout.root) && !FileSystem.isDirectory(layout.root) {
            throw OutputError.notADirectory(path: layout.root)
        }
        let root = try FileSystem.openRoot(layout.root, create: true)
        defer { FileSystem.release(root) }
        for name in [OutputLayout.manifestsName, OutputLayout.locksName] {
            if let kind = FileSystem.kind(of: name, in: root), kind != .directory {
                throw SystemError(operation: "refuse (not a folder: links are refused)", path: layout.root + "/" + name, errno: .notDirectory)
            }
        }
        let staging = try FileSystem.openDirectory(OutputLayout.stagingName, in: root, create: true, label: OutputLayout.stagingName)
        defer { FileSystem.release(staging) }
        try announce(in: staging)
        if withdrawsSuccessAtStart {
            try FileSystem.unlinkEntry(OutputLayout.successName, in: root, label: OutputLayout.successName)
        }
        sweepDeadStaging(in: staging)
    }

    /// Takes the attempt's lock under a temporary name, then renames it into place: the lock file never
    /// exists unlocked, so a sweeper never takes a live attempt for a dead one.
    private func announce(in staging: FileDescriptor) throws {
        let temporary = "." + attemptID + ".lock.tmp"
        let fd = try FileSystem.openFile(temporary, in: staging, create: true, exclusive: true, label: "_staging/" + temporary)
        do {
            _ = try FileSystem.lock(fd, wait: true, label: temporary)
            try FileSystem.rename(temporary, in: staging, to: attemptID + ".lock", in: staging, label: "_staging/" + attemptID + ".lock")
        } catch {
            FileSystem.release(fd)
            try? FileSystem.unlinkEntry(temporary, in: staging, label: temporary)
            throw error
        }
        attemptLock.set(fd)
    }

    /// Ends the attempt: its staging folders and lock go, then `_staging` and `_locks` if they are empty. Called
    /// whatever the outcome, so a run that committed nothing (a missing input, an empty folder) leaves no staging.
    public func finish() {
        guard let root = try? FileSystem.openRoot(layout.root, create: false) else { return }
        defer { FileSystem.release(root) }
        if let staging = try? FileSystem.openDirectory(OutputLayout.stagingName, in: root, create: false, label: OutputLayout.stagingName) {
            for name in (try? FileSystem.listDirectory(staging, label: OutputLayout.stagingName)) ?? []
            where name.hasSuffix("." + attemptID) {
                FileSystem.removeTree(name, in: staging)
            }
            if let fd = attemptLock.take() {
                try? FileSystem.unlinkEntry(attemptID + ".lock", in: staging, label: attemptID + ".lock")
                FileSystem.release(fd)
            }
            FileSystem.release(staging)
        }
        FileSystem.removeEmptyDirectory(OutputLayout.stagingName, in: root)
        FileSystem.removeEmptyDirectory(OutputLayout.locksName, in: root)
    }

    /// Removes the staging of attempts that are no longer alive (their lock can be taken), on any host.
    func sweepDeadStaging(in staging: FileDescriptor) {
        let names = (try? FileSystem.listDirectory(staging, label: OutputLayout.stagingName)) ?? []
        var live: Set<String> = []
        var dead: Set<String> = []
        for name in names where name.hasSuffix(".lock") && !name.hasPrefix(".") {
            let attempt = String(name.dropLast(5))
            if attempt == attemptID { continue }
            guard let fd = try? FileSystem.openFile(name, in: staging, create: false, label: name) else { continue }
            if (try? FileSystem.lock(fd, wait: false, label: name)) == true {
                // Dead: removed while we hold its lock, so no one else takes it for alive meanwhile.
                try? FileSystem.unlinkEntry(name, in: staging, label: name)
                dead.insert(attempt)
            } else {
                live.insert(attempt)
            }
            FileSystem.release(fd)
        }
        for name in names where !name.hasSuffix(".lock") {
            guard let attempt = OutputDirectory.attempt(ofStagingName: name), attempt != attemptID, !live.contains(attempt)
            else { continue }
            // No lock seen: dead, unless the attempt announced itself after the listing (its lock file exists now).
            if dead.contains(attempt) || FileSystem.kind(of: attempt + ".lock", in: staging) == nil {
                FileSystem.removeTree(name, in: staging)
            }
        }
    }

    /// `<source-key>.<host>.<pid>.<random>` -> `<host>.<pid>.<random>`; nil for anything else.
    static func attempt(ofStagingName name: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, Int32(parts[parts.count - 2]) != nil else { return nil }
        return parts.suffix(3).joined(separator: ".")
    }

    /// The attempts other than this one that are alive in `_staging`.
    func liveAttempts(in root: FileDescriptor) -> [String] {
        guard let staging = try? FileSystem.openDirectory(OutputLayout.stagingName, in: root, create: false, label: OutputLayout.stagingName)
        else { return [] }
        defer { FileSystem.release(staging) }
        sweepDeadStaging(in: staging)
        return ((try? FileSystem.listDirectory(staging, label: OutputLayout.stagingName)) ?? [])
            .filter { $0.hasSuffix(".lock") && !$0.hasPrefix(".") && $0 != attemptID + ".lock" }
            .map { String($0.dropLast(5)) }
    }

    /// Stops the run before anything is read when a key's manifest belongs to another input.
    public func checkKeys(_ sources: [(path: String, key: String)]) throws {
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        guard let manifests = try? FileSystem.openDirectory(OutputLayout.manifestsName, in: root, create: false, label: OutputLayout.manifestsName)
        else { return }
        defer { FileSystem.release(manifests) }
        for (path, key) in sources {
            if case .valid(let old) = ManifestReader.read(sourceKey: key, in: manifests), !SourceKey.sameInput(old.sourcePath, path) {
                throw OutputError.keyConflict(key: key, input: path, manifestInput: old.sourcePath)
            }
        }
    }

    /// Writes `_SUCCESS` if OUT is complete for `sources`: each has a valid manifest of its own input, none is
    /// being committed by another process (its lock is free), and no other attempt is alive in `_staging`.
    /// Call after `finish()`. Returns why not, or nil when written.
    public func markSuccessIfComplete(_ sources: [(path: String, key: String)]) throws -> String? {
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        if let other = liveAttempts(in: root).first { return "another attempt is still writing to OUT (\(other))" }
        let manifests = try FileSystem.openDirectory(OutputLayout.manifestsName, in: root, create: true, label: OutputLayout.manifestsName)
        defer { FileSystem.release(manifests) }
        for (path, key) in sources {
            if SourceLock.isHeld(sourceKey: key, root: root) { return "\(path) is being committed by another process" }
            guard case .valid(let checked) = ManifestReader.read(sourceKey: key, in: manifests),
                SourceKey.sameInput(checked.sourcePath, path)
            else { return "\(path) is not committed" }
        }
        try FileSystem.writeAtomically([], as: OutputLayout.successName, in: root, label: OutputLayout.successName)
        FileSystem.removeEmptyDirectory(OutputLayout.stagingName, in: root)
        return nil
    }

    /// Removes `_SUCCESS` (a shard whose sources did not all commit).
    public func withdrawSuccess() throws {
        let root = try FileSystem.openRoot(layout.root, create: false)
        defer { FileSystem.release(root) }
        try FileSystem.unlinkEntry(OutputLayout.successName, in: root, label: OutputLayout.successName)
    }

    static func hostLabel() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return SourceKey.sanitize(name).replacingDots()
    }
}

/// The attempt's lock descriptor behind a mutex, so `OutputDirectory` stays Sendable without `@unchecked`.
private final class AttemptLockSlot: Sendable {
    private let fd = Mutex<FileDescriptor?>(nil)

    func set(_ value: FileDescriptor) { fd.withLock { $0 = value } }

    func take() -> FileDescriptor? {
        fd.withLock { value in
            defer { value = nil }
            return value
        }
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "_" : $0 })
    }
}
