import EdgarCore
import EdgarSystem
import SystemPackage

/// The lock of one source key: `flock` on `OUT/_locks/<source-key>.lock`, held while the source's files and
/// manifest change, so two runs of one input (say `--partition month` and `--partition day` at once) commit
/// one after the other and the second removes what the first published.
///
/// While held, the file lists every part path the commit may make visible or remove (the old manifest's
/// files and the new ones). A commit that dies half-way leaves the file behind with that list, and the next
/// commit of the key removes whatever of it it does not produce: a crash never leaves orphans a re-run misses.
/// After a whole commit the file is removed while still held; a waiter that then gets the lock on the
/// removed file notices (its inode is no longer the path's) and opens the path again.
final class SourceLock {
    private let locks: FileDescriptor
    private let fd: FileDescriptor
    private let name: String
    let sourceKey: String
    /// Part paths a commit that died half-way left listed (already checked to be this key's part files).
    let pending: [String]

    /// Waits for the lock of `sourceKey` in the open OUT folder.
    init(sourceKey: String, root: FileDescriptor) throws(SystemError) {
        self.sourceKey = sourceKey
        name = sourceKey + ".lock"
        let label = OutputLayout.locksName + "/" + name
        var attempt = 0
        while true {
            let folder = try FileSystem.openDirectory(OutputLayout.locksName, in: root, create: true, label: OutputLayout.locksName)
            let fd: FileDescriptor
            do throws(SystemError) {
                fd = try FileSystem.openFile(name, in: folder, create: true, label: label)
            } catch {
                FileSystem.release(folder)
                // The folder was removed by a finishing commit between the two calls.
                if error.errno == .noSuchFileOrDirectory && attempt < 16 {
                    attempt += 1
                    continue
                }
                throw error
            }
            do throws(SystemError) {
                if FileSystem.kind(of: name, in: folder) != .regular {
                    throw SystemError(operation: "lock (not a regular file)", path: label, errno: .invalidArgument)
                }
                _ = try FileSystem.lock(fd, wait: true, label: label)
            } catch {
                FileSystem.release(fd)
                FileSystem.release(folder)
                throw error
            }
            if let held = FileSystem.identity(of: nil, in: fd), let current = FileSystem.identity(of: name, in: folder),
                held == current
            {
                locks = folder
                self.fd = fd
                break
            }
            FileSystem.release(fd)
            FileSystem.release(folder)
            attempt += 1
        }
        pending = SourceLock.readPending(fd, sourceKey: sourceKey)
    }

    /// Whether another process holds the lock of `sourceKey` right now (without waiting, without creating).
    static func isHeld(sourceKey: String, root: FileDescriptor) -> Bool {
        guard let folder = try? FileSystem.openDirectory(OutputLayout.locksName, in: root, create: false, label: OutputLayout.locksName)
        else { return false }
        defer { FileSystem.release(folder) }
        return FileSystem.isLockedElsewhere(sourceKey + ".lock", in: folder)
    }

    /// Records the part paths this commit may make visible or remove; `durably: false` when the caller syncs
    /// the file system before it changes anything.
    func record(_ paths: [String], durably: Bool = true) throws(SystemError) {
        let bytes = Array(paths.sorted().joined(separator: "\n").utf8) + [0x0a]
        try FileSystem.replaceContents(fd, with: bytes, durably: durably, label: OutputLayout.locksName + "/" + name)
    }

    /// The source committed whole: the lock file goes (still held, so no one is mid-way on it), then the lock.
    func releaseCommitted() {
        try? FileSystem.unlinkEntry(name, in: locks, label: name)
        release()
        FileSystem.release(locks)
    }

    /// The commit stopped half-way: the file keeps its list for the next commit of the key.
    func releaseKeepingRecord() {
        release()
        FileSystem.release(locks)
    }

    private func release() {
        FileSystem.unlock(fd)
        FileSystem.release(fd)
    }

    /// The list a dead commit left, keeping only this key's part files in the contract's layout.
    private static func readPending(_ fd: FileDescriptor, sourceKey: String) -> [String] {
        guard let bytes = FileSystem.contents(of: fd, cap: ManifestReader.sizeLimit) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { OutputLayout.isPartPath($0, sourceKey: sourceKey) }
    }
}
