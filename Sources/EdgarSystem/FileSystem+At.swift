import Glibc
import SystemPackage

/// The descriptor-relative half of the layer: everything below OUT is reached with `openat`,
/// `fstatat(AT_SYMLINK_NOFOLLOW)`, `renameat` and `unlinkat` relative to a descriptor of OUT, one component at
/// a time and never through a symbolic link. A link planted anywhere under OUT (`_staging`, a staging folder,
/// a table folder) therefore stops the operation with ELOOP or ENOTDIR instead of reaching outside OUT.
///
/// Only OUT itself is opened by its path (following links: an OUT that is a link is the user's choice).
/// swift-system has no `*at` calls, `flock` or `F_DUPFD_CLOEXEC`; they are wrapped here on `FileDescriptor`.
extension FileSystem {
    /// Opens OUT (following a link, it is the user's path), creating it first when `create`.
    public static func openRoot(_ path: String, create: Bool) throws(SystemError) -> FileDescriptor {
        if create { try makeDirectories(path) }
        return try calling("open", path) {
            try FileDescriptor.open(FilePath(path), .readOnly, options: [.directory, .closeOnExec])
        }
    }

    /// `openat` with EINTR retried.
    private static func open(
        _ name: String, in parent: FileDescriptor, _ flags: Int32, permissions: mode_t = 0o644
    ) -> Result<FileDescriptor, Errno> {
        retryingInterrupts { openat(parent.rawValue, name, flags, permissions) }.map(FileDescriptor.init(rawValue:))
    }

    /// Opens the folder `name` of `parent` without following a link; creates it first when `create`.
    /// `label` names it in errors (a path relative to OUT).
    public static func openDirectory(
        _ name: String, in parent: FileDescriptor, create: Bool, label: String
    ) throws(SystemError) -> FileDescriptor {
        try checkName(name, label: label)
        var attempt = 0
        while true {
            if create && mkdirat(parent.rawValue, name, 0o755) != 0 && errno != EEXIST {
                throw SystemError(operation: "mkdir", path: label, errno: Errno(rawValue: errno))
            }
            switch open(name, in: parent, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) {
            case .success(let fd):
                return fd
            case .failure(.noSuchFileOrDirectory) where create && attempt < 8:
                // Another process removed the folder between mkdirat and openat (an empty `_staging` or `_locks`
                // removed by a finishing run): make it again.
                attempt += 1
            case .failure(let failure):
                // A link or a file gives ENOTDIR (O_DIRECTORY | O_NOFOLLOW checks the entry itself, not its target).
                throw SystemError(operation: "open folder (links are refused)", path: label, errno: failure)
            }
        }
    }

    /// Opens a folder below `root` by its relative path (`filings/year=2003/month=11`), one component at a time.
    public static func openDirectory(
        relative path: String, in root: FileDescriptor, create: Bool
    ) throws(SystemError) -> FileDescriptor {
        var current = try duplicate(root).get("dup", path)
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            let next: FileDescriptor
            do throws(SystemError) {
                next = try openDirectory(String(component), in: current, create: create, label: path)
            } catch {
                release(current)
                throw error
            }
            release(current)
            current = next
        }
        return current
    }

    /// A second descriptor of the same open file, closed on exec (swift-system's `duplicate` is not).
    public static func duplicate(_ fd: FileDescriptor) -> Result<FileDescriptor, Errno> {
        retryingInterrupts { fcntl(fd.rawValue, F_DUPFD_CLOEXEC, 0) }.map(FileDescriptor.init(rawValue:))
    }

    /// A single path component: not empty, not `.` or `..`, no `/` and no NUL.
    public static func checkName(_ name: String, label: String) throws(SystemError) {
        if name.isEmpty || name == "." || name == ".." || name.utf8.contains(UInt8(ascii: "/")) || name.utf8.contains(0) {
            throw SystemError(operation: "refuse path component \"\(name)\"", path: label, errno: .invalidArgument)
        }
    }

    /// `fstatat(AT_SYMLINK_NOFOLLOW)` of `name` in `parent`.
    private static func status(of name: String, in parent: FileDescriptor) -> Stat? {
        try? FilePath(name).stat(relativeTo: parent, flags: .symlinkNoFollow)
    }

    /// What is at `name` in `parent`, without following a link; nil when nothing is there.
    public static func kind(of name: String, in parent: FileDescriptor) -> FileType? {
        status(of: name, in: parent)?.type
    }

    /// (device, inode) of `name` in `parent` without following a link, or of `fd` itself when `name` is nil.
    public static func identity(of name: String?, in fd: FileDescriptor) -> FileIdentity? {
        guard let name else { return (try? fd.stat()).map(FileIdentity.init) }
        return status(of: name, in: fd).map(FileIdentity.init)
    }

    /// Names in the open folder `fd` (without `.` and `..`), sorted. The descriptor stays open.
    public static func listDirectory(_ fd: FileDescriptor, label: String) throws(SystemError) -> [String] {
        try DirectoryEntries.names(of: fd).get("opendir", label).sorted()
    }

    /// Removes a file (or a link, never what it points to) from `parent`; already gone is fine.
    public static func unlinkEntry(_ name: String, in parent: FileDescriptor, label: String) throws(SystemError) {
        if unlinkat(parent.rawValue, name, 0) != 0 && errno != ENOENT {
            throw SystemError(operation: "unlink", path: label, errno: Errno(rawValue: errno))
        }
    }

    /// Removes an empty folder; a folder that is gone or not empty is left to whoever still uses it.
    public static func removeEmptyDirectory(_ name: String, in parent: FileDescriptor) {
        _ = unlinkat(parent.rawValue, name, AT_REMOVEDIR)
    }

    public static func rename(
        _ from: String, in fromParent: FileDescriptor, to: String, in toParent: FileDescriptor, label: String
    ) throws(SystemError) {
        if renameat(fromParent.rawValue, from, toParent.rawValue, to) != 0 {
            throw SystemError(operation: "rename into place", path: label, errno: Errno(rawValue: errno))
        }
    }

    /// `rm -rf name` inside `parent`, never following a link: a link is removed as a link, a folder is opened
    /// with O_NOFOLLOW and emptied through its own descriptor. Errors are ignored (this is clean-up), but
    /// nothing outside `parent` can be reached.
    public static func removeTree(_ name: String, in parent: FileDescriptor, depth: Int = 0) {
        guard (try? checkName(name, label: name)) != nil, let type = kind(of: name, in: parent) else { return }
        if type != .directory {
            _ = unlinkat(parent.rawValue, name, 0)
            return
        }
        // Staging holds two levels; the bound only stops a planted deep tree from exhausting descriptors.
        guard depth < 64, case .success(let fd) = open(name, in: parent, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        else { return }
        for child in (try? listDirectory(fd, label: name)) ?? [] { removeTree(child, in: fd, depth: depth + 1) }
        release(fd)
        _ = unlinkat(parent.rawValue, name, AT_REMOVEDIR)
    }

    /// Why a file that should be one of ours is not read.
    public enum RegularFileProblem: Error, Equatable, Sendable {
        case missing
        case notRegular
        case tooLarge(Int)
        case unreadable(Errno)
    }

    /// Opens `name` in `parent` for reading only if it is a regular file: O_NOFOLLOW refuses a link (to
    /// /dev/zero, /etc/shadow), O_NONBLOCK keeps a FIFO from blocking the open, and fstat refuses anything
    /// that is not a regular file before a byte is read. Returns the descriptor and the size.
    public static func openRegularFile(
        _ name: String, in parent: FileDescriptor
    ) -> Result<(fd: FileDescriptor, size: Int), RegularFileProblem> {
        guard (try? checkName(name, label: name)) != nil else { return .failure(.missing) }
        let fd: FileDescriptor
        switch open(name, in: parent, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) {
        case .failure(.noSuchFileOrDirectory): return .failure(.missing)
        case .failure(.tooManySymbolicLinkLevels): return .failure(.notRegular)
        case .failure(let failure): return .failure(.unreadable(failure))
        case .success(let opened): fd = opened
        }
        guard let status = try? fd.stat(), status.type == .regular else {
            release(fd)
            return .failure(.notRegular)
        }
        return .success((fd, Int(status.size)))
    }

    /// Reads a regular file of at most `cap` bytes (see `openRegularFile`); reading stops at `cap + 1` bytes
    /// whatever fstat said, so a file that grows while read cannot make memory grow with it.
    public static func readRegularFile(
        _ name: String, in parent: FileDescriptor, cap: Int
    ) -> Result<[UInt8], RegularFileProblem> {
        switch openRegularFile(name, in: parent) {
        case .failure(let problem): return .failure(problem)
        case .success(let (fd, size)):
            defer { release(fd) }
            if size > cap { return .failure(.tooLarge(size)) }
            // Sized by fstat (plus one byte to see growth), grown only if the file grows while read, never past cap + 1.
            var out = [UInt8](repeating: 0, count: size + 1)
            var filled = 0
            while filled <= cap {
                if filled == out.count { out.append(contentsOf: repeatElement(0, count: min(out.count, cap + 1 - out.count))) }
                let n: Int
                do {
                    n = try out.withUnsafeMutableBytes { try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
                } catch {
                    return .failure(.unreadable(error as? Errno ?? .ioError))
                }
                if n == 0 { break }
                filled += n
            }
            if filled > cap { return .failure(.tooLarge(filled)) }
            out.removeSubrange(filled...)
            return .success(out)
        }
    }

    /// Writes `bytes` as `name` in `parent` through a temporary file in `scratch` (a folder of the same file
    /// system; `parent` itself when nil) and a rename, so readers see all or nothing, before and after a crash.
    /// The temporary name is unique to this call (pid, random), so concurrent writers never share one.
    public static func writeAtomically(
        _ bytes: [UInt8], as name: String, in parent: FileDescriptor, scratch: FileDescriptor? = nil, label: String
    ) throws(SystemError) {
        let scratch = scratch ?? parent
        try checkName(name, label: label)
        let temporary = temporaryName(for: name)
        let fd = try open(temporary, in: scratch, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC).get("open", label)
        do throws(SystemError) {
            try writeAll(fd, bytes, path: label)
            try sync(fd, path: label)
            try close(fd, path: label)
        } catch {
            release(fd)
            _ = unlinkat(scratch.rawValue, temporary, 0)
            throw error
        }
        do throws(SystemError) {
            try rename(temporary, in: scratch, to: name, in: parent, label: label)
        } catch {
            _ = unlinkat(scratch.rawValue, temporary, 0)
            throw error
        }
    }

    /// Opens (creating it when `create`, failing if it exists when `exclusive`) the file `name` of `parent` for
    /// reading and writing, never through a link, never blocking on a FIFO.
    public static func openFile(
        _ name: String, in parent: FileDescriptor, create: Bool, exclusive: Bool = false, label: String
    ) throws(SystemError) -> FileDescriptor {
        try checkName(name, label: label)
        let flags = O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (create ? O_CREAT : 0) | (exclusive ? O_EXCL : 0)
        return try open(name, in: parent, flags).get("open (links are refused)", label)
    }

    /// `flock(2)`: exclusive, waiting or not. Returns false only when `wait` is false and another holds it.
    public static func lock(_ fd: FileDescriptor, wait: Bool, label: String) throws(SystemError) -> Bool {
        switch retryingInterrupts({ flock(fd.rawValue, LOCK_EX | (wait ? 0 : LOCK_NB)) }) {
        case .success: return true
        case .failure(.wouldBlock) where !wait: return false
        case .failure(let failure): throw SystemError(operation: "flock", path: label, errno: failure)
        }
    }

    public static func unlock(_ fd: FileDescriptor) {
        _ = flock(fd.rawValue, LOCK_UN)
    }

    /// Whether another process holds `flock` on `name` in `parent` now (a missing file is not held).
    public static func isLockedElsewhere(_ name: String, in parent: FileDescriptor) -> Bool {
        guard let fd = try? openFile(name, in: parent, create: false, label: name) else { return false }
        defer { release(fd) }
        return (try? lock(fd, wait: false, label: name)) == false
    }

    /// Replaces the whole contents of the open file `fd` with `bytes` (fsynced when `durably`).
    public static func replaceContents(
        _ fd: FileDescriptor, with bytes: [UInt8], durably: Bool, label: String
    ) throws(SystemError) {
        try calling("truncate", label) { try fd.resize(to: 0) }
        _ = try calling("seek", label) { try fd.seek(offset: 0, from: .start) }
        try writeAll(fd, bytes, path: label)
        if durably { try sync(fd, path: label) }
    }

    /// The contents of the open regular file `fd` if it holds at most `cap` bytes; nil otherwise.
    /// Read from offset 0 whatever the file position.
    public static func contents(of fd: FileDescriptor, cap: Int) -> [UInt8]? {
        guard let status = try? fd.stat(), status.type == .regular, status.size <= cap else { return nil }
        return try? bytes(count: Int(status.size), at: 0, from: fd)
    }
}
