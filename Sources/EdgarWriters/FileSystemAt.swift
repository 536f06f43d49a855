#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EdgarCore

/// The descriptor-relative half of the file-system layer: everything below OUT is reached with `openat`,
/// `fstatat(AT_SYMLINK_NOFOLLOW)`, `renameat` and `unlinkat` relative to a descriptor of OUT, one component at
/// a time and never through a symbolic link. A link planted anywhere under OUT (`_staging`, a staging folder,
/// a table folder) therefore stops the operation with ELOOP or ENOTDIR instead of reaching outside OUT.
///
/// Only OUT itself is opened by its path (following links: an OUT that is a link is the user's choice).
/// Kept thin and central so that it can move onto swift-system's `FileDescriptor` later.
extension FileSystem {
    /// Opens OUT (following a link, it is the user's path), creating it first when `create`.
    static func openRoot(_ path: String, create: Bool) throws(FileSystemError) -> Int32 {
        if create { try makeDirectories(path) }
        while true {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw FileSystemError(operation: "open", path: path, errno: errno)
        }
    }

    /// Opens the folder `name` of `parent` without following a link; creates it first when `create`.
    /// `label` names it in errors (a path relative to OUT).
    static func openDirectory(
        _ name: String, in parent: Int32, create: Bool, label: String
    ) throws(FileSystemError) -> Int32 {
        try checkName(name, label: label)
        var attempt = 0
        while true {
            if create && mkdirat(parent, name, 0o755) != 0 && errno != EEXIST {
                throw FileSystemError(operation: "mkdir", path: label, errno: errno)
            }
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd >= 0 { return fd }
            let failure = errno
            if failure == EINTR { continue }
            // Another process removed the folder between mkdirat and openat (an empty `_staging` or `_locks`
            // removed by a finishing run): make it again.
            if failure == ENOENT && create && attempt < 8 {
                attempt += 1
                continue
            }
            // O_NOFOLLOW on a link gives ELOOP; O_DIRECTORY on a file gives ENOTDIR.
            throw FileSystemError(operation: "open folder (links are refused)", path: label, errno: failure)
        }
    }

    /// Opens a folder below `root` by its relative path (`filings/year=2003/month=11`), one component at a time.
    static func openDirectory(relative path: String, in root: Int32, create: Bool) throws(FileSystemError) -> Int32 {
        var current = try duplicate(root, label: path)
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            let next: Int32
            do throws(FileSystemError) {
                next = try openDirectory(String(component), in: current, create: create, label: path)
            } catch {
                _ = Glibc.close(current)
                throw error
            }
            _ = Glibc.close(current)
            current = next
        }
        return current
    }

    static func duplicate(_ fd: Int32, label: String) throws(FileSystemError) -> Int32 {
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
        if copy < 0 { throw FileSystemError(operation: "dup", path: label, errno: errno) }
        return copy
    }

    /// A single path component: not empty, not `.` or `..`, no `/` and no NUL.
    static func checkName(_ name: String, label: String) throws(FileSystemError) {
        if name.isEmpty || name == "." || name == ".." || name.utf8.contains(UInt8(ascii: "/")) || name.utf8.contains(0) {
            throw FileSystemError(operation: "refuse path component \"\(name)\"", path: label, errno: EINVAL)
        }
    }

    /// What is at `name` in `parent`, without following a link: the `S_IFMT` bits, or nil when nothing is there.
    static func kind(of name: String, in parent: Int32) -> mode_t? {
        var st = stat()
        guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return st.st_mode & S_IFMT
    }

    /// (device, inode) of `name` in `parent` without following a link, or of `fd` itself when `name` is nil.
    static func identity(of name: String?, in fd: Int32) -> (dev_t, ino_t)? {
        var st = stat()
        let result = name.map { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) } ?? fstat(fd, &st)
        return result == 0 ? (st.st_dev, st.st_ino) : nil
    }

    /// Names in the open folder `fd` (without `.` and `..`), sorted. The descriptor stays open.
    static func listDirectory(_ fd: Int32, label: String) throws(FileSystemError) -> [String] {
        let copy = try duplicate(fd, label: label)
        guard let dir = fdopendir(copy) else {
            let failure = errno
            _ = Glibc.close(copy)
            throw FileSystemError(operation: "opendir", path: label, errno: failure)
        }
        defer { closedir(dir) }
        rewinddir(dir)
        return entryNames(dir)
    }

    /// Removes a file (or a link, never what it points to) from `parent`; already gone is fine.
    static func unlinkEntry(_ name: String, in parent: Int32, label: String) throws(FileSystemError) {
        if unlinkat(parent, name, 0) != 0 && errno != ENOENT {
            throw FileSystemError(operation: "unlink", path: label, errno: errno)
        }
    }

    /// Removes an empty folder; a folder that is gone or not empty is left to whoever still uses it.
    static func removeEmptyDirectory(_ name: String, in parent: Int32) {
        _ = unlinkat(parent, name, AT_REMOVEDIR)
    }

    static func rename(
        _ from: String, in fromParent: Int32, to: String, in toParent: Int32, label: String
    ) throws(FileSystemError) {
        if renameat(fromParent, from, toParent, to) != 0 {
            throw FileSystemError(operation: "rename into place", path: label, errno: errno)
        }
    }

    /// `rm -rf name` inside `parent`, never following a link: a link is removed as a link, a folder is opened
    /// with O_NOFOLLOW and emptied through its own descriptor. Errors are ignored (this is clean-up), but
    /// nothing outside `parent` can be reached.
    static func removeTree(_ name: String, in parent: Int32, depth: Int = 0) {
        guard (try? checkName(name, label: name)) != nil, let type = kind(of: name, in: parent) else { return }
        if type != S_IFDIR {
            _ = unlinkat(parent, name, 0)
            return
        }
        // Staging holds two levels; the bound only stops a planted deep tree from exhausting descriptors.
        guard depth < 64 else { return }
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        for child in (try? listDirectory(fd, label: name)) ?? [] { removeTree(child, in: fd, depth: depth + 1) }
        _ = Glibc.close(fd)
        _ = unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// Why a file that should be one of ours is not read.
    enum RegularFileProblem: Error, Equatable, Sendable {
        case missing
        case notRegular
        case tooLarge(Int)
        case unreadable(Int32)
    }

    /// Opens `name` in `parent` for reading only if it is a regular file: O_NOFOLLOW refuses a link (to
    /// /dev/zero, /etc/shadow), O_NONBLOCK keeps a FIFO from blocking the open, and fstat refuses anything
    /// that is not a regular file before a byte is read. Returns the descriptor and the size.
    static func openRegularFile(_ name: String, in parent: Int32) -> Result<(fd: Int32, size: Int), RegularFileProblem> {
        guard (try? checkName(name, label: name)) != nil else { return .failure(.missing) }
        let fd = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(errno == ENOENT ? .missing : errno == ELOOP ? .notRegular : .unreadable(errno))
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            _ = Glibc.close(fd)
            return .failure(.notRegular)
        }
        return .success((fd, Int(st.st_size)))
    }

    /// Reads a regular file of at most `cap` bytes (see `openRegularFile`); reading stops at `cap + 1` bytes
    /// whatever fstat said, so a file that grows while read cannot make memory grow with it.
    static func readRegularFile(_ name: String, in parent: Int32, cap: Int) -> Result<[UInt8], RegularFileProblem> {
        switch openRegularFile(name, in: parent) {
        case .failure(let problem): return .failure(problem)
        case .success(let (fd, size)):
            defer { _ = Glibc.close(fd) }
            if size > cap { return .failure(.tooLarge(size)) }
            // Sized by fstat (plus one byte to see growth), grown only if the file grows while read, never past cap + 1.
            var out = [UInt8](repeating: 0, count: size + 1)
            var filled = 0
            while filled <= cap {
                if filled == out.count { out.append(contentsOf: repeatElement(0, count: min(out.count, cap + 1 - out.count))) }
                let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failure(.unreadable(errno))
                }
                if n == 0 { break }
                filled += n
            }
            if filled > cap { return .failure(.tooLarge(filled)) }
            out.removeSubrange(filled...)
            return .success(out)
        }
    }

    /// Size and SHA-256 of a regular file below `root` at a relative path, read in 1 MiB slices.
    static func sizeAndDigest(relative path: String, in root: Int32) -> Result<(size: Int, sha256: String), RegularFileProblem> {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let parent: Int32
        if let folder {
            guard let fd = try? openDirectory(relative: folder, in: root, create: false) else { return .failure(.missing) }
            parent = fd
        } else {
            guard let fd = try? duplicate(root, label: path) else { return .failure(.missing) }
            parent = fd
        }
        defer { _ = Glibc.close(parent) }
        switch openRegularFile(name, in: parent) {
        case .failure(let problem): return .failure(problem)
        case .success(let (fd, expected)):
            defer { _ = Glibc.close(fd) }
            return digest(fd, expectedSize: expected).mapError { .unreadable($0.errno) }
        }
    }

    /// Writes `bytes` as `name` in `parent` through a temporary file in `scratch` (a folder of the same file
    /// system; `parent` itself when nil) and a rename, so readers see all or nothing. The temporary name is
    /// unique to this call (pid, random), so concurrent writers never share one.
    static func writeAtomically(
        _ bytes: [UInt8], as name: String, in parent: Int32, scratch: Int32? = nil, label: String
    ) throws(FileSystemError) {
        let scratch = scratch ?? parent
        try checkName(name, label: label)
        var random = SystemRandomNumberGenerator()
        let temporary = "." + name + "." + String(getpid()) + "." + String(random.next() & 0xffff_ffff, radix: 16) + ".tmp"
        var fd: Int32
        repeat {
            fd = openat(scratch, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: label, errno: errno) }
        do throws(FileSystemError) {
            try writeAll(fd, bytes, path: label)
            try sync(fd, path: label)
            try close(fd, path: label)
        } catch {
            _ = Glibc.close(fd)
            _ = unlinkat(scratch, temporary, 0)
            throw error
        }
        do throws(FileSystemError) {
            try rename(temporary, in: scratch, to: name, in: parent, label: label)
        } catch {
            _ = unlinkat(scratch, temporary, 0)
            throw error
        }
    }

    /// `writeAll` for an array (`withUnsafeBytes` rethrows untyped errors).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        let failure: FileSystemError? = bytes.withUnsafeBytes { buffer in
            do throws(FileSystemError) {
                try writeAll(fd, buffer, path: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }


    /// The part files of `sourceKey` anywhere under the table folders of OUT (relative paths), found by walking
    /// the partition folders without following links. Used only when a source's manifest is damaged and its list
    /// cannot be trusted: the key is unique to the input, so every `part-<key>-` file in the layout is its own.
    static func partFiles(of sourceKey: String, in root: Int32) -> [String] {
        var found: [String] = []
        func walk(_ fd: Int32, _ relative: String, depth: Int) {
            for name in (try? listDirectory(fd, label: relative)) ?? [] {
                let path = relative + "/" + name
                if kind(of: name, in: fd) == S_IFDIR {
                    guard depth < 3, let child = try? openDirectory(name, in: fd, create: false, label: path) else { continue }
                    walk(child, path, depth: depth + 1)
                    release(child)
                } else if OutputLayout.isPartPath(path, sourceKey: sourceKey) {
                    found.append(path)
                }
            }
        }
        for table in Table.allCases {
            guard let fd = try? openDirectory(table.folder, in: root, create: false, label: table.folder) else { continue }
            walk(fd, table.folder, depth: 0)
            release(fd)
        }
        return found.sorted()
    }

    /// Closes a descriptor the layer opened; at clean-up an error leaves nothing to do.
    static func release(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Opens (creating it when `create`, failing if it exists when `exclusive`) the file `name` of `parent` for
    /// reading and writing, never through a link, never blocking on a FIFO.
    static func openFile(
        _ name: String, in parent: Int32, create: Bool, exclusive: Bool = false, label: String
    ) throws(FileSystemError) -> Int32 {
        try checkName(name, label: label)
        let flags = O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (create ? O_CREAT : 0) | (exclusive ? O_EXCL : 0)
        while true {
            let fd = openat(parent, name, flags, 0o644)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw FileSystemError(operation: "open (links are refused)", path: label, errno: errno)
        }
    }

    static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
    }

    /// Whether another process holds `flock` on `name` in `parent` now (a missing file is not held).
    static func isLockedElsewhere(_ name: String, in parent: Int32) -> Bool {
        guard let fd = try? openFile(name, in: parent, create: false, label: name) else { return false }
        defer { release(fd) }
        return (try? lock(fd, wait: false, label: name)) == false
    }

    /// Replaces the whole contents of the open file `fd` with `bytes` (fsynced when `durably`).
    static func replaceContents(_ fd: Int32, with bytes: [UInt8], durably: Bool, label: String) throws(FileSystemError) {
        if ftruncate(fd, 0) != 0 { throw FileSystemError(operation: "truncate", path: label, errno: errno) }
        if lseek(fd, 0, SEEK_SET) < 0 { throw FileSystemError(operation: "seek", path: label, errno: errno) }
        try writeAll(fd, bytes, path: label)
        if durably { try sync(fd, path: label) }
    }

    /// The contents of the open regular file `fd` if it holds at most `cap` bytes; nil otherwise.
    static func contents(of fd: Int32, cap: Int) -> [UInt8]? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= cap else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(filled)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(bytes[0..<filled])
    }

    /// `flock(2)`: exclusive, waiting or not. Returns false only when `wait` is false and another holds it.
    static func lock(_ fd: Int32, wait: Bool, label: String) throws(FileSystemError) -> Bool {
        while true {
            if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK && !wait { return false }
            throw FileSystemError(operation: "flock", path: label, errno: errno)
        }
    }
}
