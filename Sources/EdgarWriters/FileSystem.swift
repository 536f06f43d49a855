#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEdgarSystem
import EdgarCore

/// A failed system call on the output side: which call, on which path, and the errno. ENOSPC and EACCES
/// end up here, and the source that hit them fails cleanly.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32

    public var description: String {
        "\(operation) \(path): \(String(cString: strerror(errno)))"
    }

    /// Out of space or quota: the operator can fix it and retry.
    public var isTransient: Bool { errno == ENOSPC || errno == EDQUOT || errno == EIO || errno == EAGAIN }

    /// Retrying the same command cannot succeed: a read-only file system, a name or path too long, a path
    /// that is not a folder or is a link where none is allowed. Exit 73 rather than 75 (retry).
    public var isPermanent: Bool {
        [EROFS, ENAMETOOLONG, ENOTDIR, EISDIR, ELOOP, EINVAL, EXDEV, EMLINK, EEXIST].contains(errno)
    }
}

/// Every file-system call the writer makes goes through here (in the manner of swift-system's syscall layer),
/// so errno becomes a typed error in one place and EINTR is retried in one place.
enum FileSystem {
    /// Opens `path` for writing, created if missing; emptied first unless `appending`.
    static func openForWriting(_ path: String, appending: Bool = false) throws(FileSystemError) -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0o644)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw FileSystemError(operation: "open", path: path, errno: errno)
        }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(FileSystemError) {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "write", path: path, errno: errno)
            }
            offset += n
        }
    }

    static func sync(_ fd: Int32, path: String) throws(FileSystemError) {
        if fsync(fd) != 0 { throw FileSystemError(operation: "fsync", path: path, errno: errno) }
    }

    /// Flushes every dirty page of the file system holding `path` in one call: one journal commit for all
    /// the part files of a source, instead of one fsync (and one commit) per file.
    static func syncFileSystem(containing path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path, errno: errno) }
        defer { _ = Glibc.close(fd) }
        if cedgar_syncfs(fd) != 0 { throw FileSystemError(operation: "syncfs", path: path, errno: errno) }
    }

    static func close(_ fd: Int32, path: String) throws(FileSystemError) {
        // close(2) must not be retried on EINTR on Linux: the descriptor is gone either way.
        if Glibc.close(fd) != 0 && errno != EINTR { throw FileSystemError(operation: "close", path: path, errno: errno) }
    }

    static func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.rename(from, to) != 0 { throw FileSystemError(operation: "rename to \(to)", path: from, errno: errno) }
    }

    /// Removes a file; a file that is already gone is fine.
    static func removeFile(_ path: String) throws(FileSystemError) {
        if unlink(path) != 0 && errno != ENOENT { throw FileSystemError(operation: "unlink", path: path, errno: errno) }
    }

    /// `mkdir -p`. Another process may remove an empty parent between two steps (a finishing run removes an
    /// empty `_staging`, as a concurrent attempt creates its folder in it): the walk then starts over.
    static func makeDirectories(_ path: String) throws(FileSystemError) {
        var attempt = 0
        while true {
            do throws(FileSystemError) {
                try makeDirectoriesOnce(path)
                return
            } catch {
                guard error.errno == ENOENT && attempt < 3 else { throw error }
                attempt += 1
            }
        }
    }

    private static func makeDirectoriesOnce(_ path: String) throws(FileSystemError) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileSystemError(operation: "mkdir", path: prefix, errno: errno)
            }
            prefix += "/"
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Size and SHA-256 of a file, read in 1 MiB slices so memory stays flat for large parts.
    static func sizeAndDigest(_ path: String) -> (size: Int, sha256: String)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var status = stat()
        let expected = fstat(fd, &status) == 0 ? Int(status.st_size) : 1 << 20
        return try? digest(fd, expectedSize: expected).get()
    }

    /// Size and SHA-256 of what is left to read from `fd`; the failure is read(2)'s errno.
    /// The buffer is sized to the file: zeroing 1 MiB for each of thousands of small part files was most of the
    /// cost of checking a committed source.
    static func digest(_ fd: Int32, expectedSize: Int) -> Result<(size: Int, sha256: String), DigestError> {
        var hasher = SHA256()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: min(1 << 20, max(4096, expectedSize + 1)))
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(DigestError(errno: errno))
            }
            if n == 0 { return .success((size, hasher.hexDigest())) }
            chunk.withUnsafeBytes { hasher.update(buffer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            size += n
        }
    }

    struct DigestError: Error {
        let errno: Int32
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        return entryNames(dir)
    }

    /// The names `readdir` gives for an open folder, without `.` and `..`, sorted.
    static func entryNames(_ dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, so readers see all or nothing.
    ///
    /// The temporary name is unique to this call (pid and a random number): `_SUCCESS` is written with OUT itself
    /// as the temporary folder, and two processes committing at once (two `edgar-etl commit`, two attempts of a
    /// run) must not share one temporary file, or the second rename finds it gone (ENOENT) and fails.
    static func writeAtomically(_ bytes: [UInt8], to path: String, temporaryDirectory: String) throws {
        var random = SystemRandomNumberGenerator()
        let unique = String(getpid()) + "." + String(random.next() & 0xffff_ffff, radix: 16)
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temporary = temporaryDirectory + "/." + name + "." + unique + ".tmp"
        let fd = try openForWriting(temporary)
        do {
            try bytes.withUnsafeBytes { try writeAll(fd, $0, path: temporary) }
            try sync(fd, path: temporary)
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
        try close(fd, path: temporary)
        do {
            try rename(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
