import CEdgarSystem
import Glibc
import SystemPackage

/// Every file-system call of the readers and writers goes through here or through `FileDescriptor`, so errno
/// becomes a typed `SystemError` in one place and EINTR is retried in one place (`FileDescriptor`'s calls and
/// `retryingInterrupts`). This half takes paths; `FileSystem+At.swift` holds the descriptor-relative calls.
public enum FileSystem {
    static let filePermissions: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]

    /// Opens `path` for writing, created if missing; emptied first unless `appending`.
    public static func openForWriting(_ path: String, appending: Bool = false) throws(SystemError) -> FileDescriptor {
        try calling("open", path) {
            try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, appending ? .append : .truncate, .closeOnExec],
                permissions: filePermissions)
        }
    }

    /// Writes all of `buffer` (short writes and EINTR continue).
    public static func writeAll(_ fd: FileDescriptor, _ buffer: UnsafeRawBufferPointer, path: String) throws(SystemError) {
        _ = try calling("write", path) { try fd.writeAll(buffer) }
    }

    public static func sync(_ fd: FileDescriptor, path: String) throws(SystemError) {
        if fsync(fd.rawValue) != 0 { throw SystemError(operation: "fsync", path: path, errno: Errno(rawValue: errno)) }
    }

    /// Flushes every dirty page of the file system holding `path` in one call: one journal commit for all
    /// the part files of a source, instead of one fsync (and one commit) per file.
    public static func syncFileSystem(containing path: String) throws(SystemError) {
        let fd = try calling("open", path) {
            try FileDescriptor.open(FilePath(path), .readOnly, options: [.directory, .closeOnExec])
        }
        defer { release(fd) }
        if cedgar_syncfs(fd.rawValue) != 0 {
            throw SystemError(operation: "syncfs", path: path, errno: Errno(rawValue: errno))
        }
    }

    public static func close(_ fd: FileDescriptor, path: String) throws(SystemError) {
        // close(2) must not be retried on EINTR on Linux: the descriptor is gone either way.
        do {
            try fd.close()
        } catch Errno.interrupted {
            return
        } catch {
            throw SystemError(operation: "close", path: path, errno: error as? Errno ?? .ioError)
        }
    }

    /// Closes a descriptor the layer opened; at clean-up an error leaves nothing to do.
    public static func release(_ fd: FileDescriptor) {
        try? fd.close()
    }

    /// `mkdir -p`. Another process may remove an empty parent between two steps (a finishing run removes an
    /// empty `_staging`, as a concurrent attempt creates its folder in it): the walk then starts over.
    public static func makeDirectories(_ path: String) throws(SystemError) {
        var attempt = 0
        while true {
            do throws(SystemError) {
                try makeDirectoriesOnce(path)
                return
            } catch {
                guard error.errno == .noSuchFileOrDirectory && attempt < 3 else { throw error }
                attempt += 1
            }
        }
    }

    private static func makeDirectoriesOnce(_ path: String) throws(SystemError) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw SystemError(operation: "mkdir", path: prefix, errno: Errno(rawValue: errno))
            }
            prefix += "/"
        }
    }

    /// What is at `path`, following links: the `stat` of it, or its errno.
    public static func status(_ path: String) -> Result<Stat, Errno> {
        do throws(Errno) {
            return .success(try FilePath(path).stat())
        } catch {
            return .failure(error)
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        (try? status(path).get())?.type == .directory
    }

    public static func exists(_ path: String) -> Bool {
        (try? status(path).get()) != nil
    }

    /// Whether this process may read `path` (`access(R_OK)`): nil when it may, else why not.
    public static func readAccess(_ path: String) -> Errno? {
        access(path, R_OK) == 0 ? nil : Errno(rawValue: errno)
    }

    /// Reads what is left of `fd` in slices of at most `slice` bytes (sized down to `expectedSize`, so small
    /// files do not zero a large buffer), handing each to `body`; returns the bytes read or read(2)'s errno.
    public static func readSlices(
        _ fd: FileDescriptor, slice: Int = 1 << 20, expectedSize: Int, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Result<Int, Errno> {
        var size = 0
        var chunk = [UInt8](repeating: 0, count: min(slice, max(4096, expectedSize + 1)))
        while true {
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { try fd.read(into: $0) }
            } catch {
                return .failure(error as? Errno ?? .ioError)
            }
            if n == 0 { return .success(size) }
            chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            size += n
        }
    }

    /// Fills `buffer` from the file position, or from `offset` (pread, the position untouched), until it is full
    /// or the file ends; returns the bytes read. EINTR is retried inside `FileDescriptor`.
    public static func fill(
        _ buffer: UnsafeMutableRawBufferPointer, from fd: FileDescriptor, at offset: Int? = nil
    ) throws(Errno) -> Int {
        var filled = 0
        while filled < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
            let n: Int
            do {
                n = try offset.map { try fd.read(fromAbsoluteOffset: Int64($0 + filled), into: rest) } ?? fd.read(into: rest)
            } catch {
                throw error as? Errno ?? .ioError
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Up to `count` bytes from `offset` (fewer at end of file), in a new array.
    public static func bytes(count: Int, at offset: Int, from fd: FileDescriptor) throws(Errno) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: Errno?
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            do throws(Errno) {
                initialised = try fill(UnsafeMutableRawBufferPointer(buffer), from: fd, at: offset)
            } catch {
                failure = error
                initialised = 0
            }
        }
        if let failure { throw failure }
        return result
    }

    /// The size `fstat` gives for `fd`, or nil.
    public static func size(of fd: FileDescriptor) -> Int? {
        (try? fd.stat()).map { Int($0.size) }
    }

    /// `.name.<pid>.<random>.tmp`: unique to one call, hidden, and never taken for an output by a reader.
    static func temporaryName(for name: String) -> String {
        var random = SystemRandomNumberGenerator()
        return "." + name + "." + String(getpid()) + "." + String(random.next() & 0xffff_ffff, radix: 16) + ".tmp"
    }

    /// `writeAll` for an array.
    public static func writeAll(_ fd: FileDescriptor, _ bytes: [UInt8], path: String) throws(SystemError) {
        _ = try calling("write", path) { try fd.writeAll(bytes) }
    }
}
