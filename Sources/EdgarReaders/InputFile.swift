#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, with the errno text a user can act on.
struct FileError: Error, Sendable, CustomStringConvertible {
    var code: Int32
    var operation: String
    var path: String
    /// Our own reason, when the refusal is not a failed system call.
    private var explanation: String?

    init(code: Int32, operation: String, path: String) {
        self.code = code
        self.operation = operation
        self.path = path
    }

    init(operation: String, path: String, reason: String) {
        self.init(code: 0, operation: operation, path: path)
        explanation = reason
    }

    var reason: String { explanation ?? String(cString: strerror(code)) }
    var description: String { "cannot \(operation) \(path): \(reason)" }
}

/// An input file opened read-only, behind thin wrappers over POSIX `open`/`read`/`pread`/`fstat`/`close`.
/// A class so that the descriptor is closed exactly once, when the reader lets go of it.
final class InputFile {
    let path: String
    let descriptor: Int32
    /// The size `fstat` reported at open time.
    let size: Int

    private init(path: String, descriptor: Int32, size: Int) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
    }

    deinit { _ = close(descriptor) }

    static func open(_ path: String) throws(FileError) -> InputFile {
        var fd: Int32
        repeat { fd = Glibc_open(path) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FileError(code: errno, operation: "open", path: path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = close(fd)
            throw FileError(code: code, operation: "stat", path: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            _ = close(fd)
            throw FileError(code: EISDIR, operation: "read", path: path)
        }
        // Checked on the descriptor, not the name: the path may have been swapped since discovery looked at it.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            _ = close(fd)
            throw FileError(operation: "read", path: path, reason: "not a regular file (a FIFO, socket or device)")
        }
        if let filesystem = SpecialFilesystem.name(of: fd) {
            _ = close(fd)
            throw FileError(operation: "read", path: path, reason: SpecialFilesystem.refusal(filesystem))
        }
        return InputFile(path: path, descriptor: fd, size: Int(info.st_size))
    }

    /// Fills `buffer` from the current position; returns fewer bytes only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = Glibc_read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(code: errno, operation: "read", path: path)
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Fills `buffer` from `offset`; returns fewer bytes only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(code: errno, operation: "read", path: path)
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Up to `count` bytes from `offset` (fewer at end of file), in a new array.
    func bytes(count: Int, at offset: Int) throws(FileError) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: FileError?
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            do throws(FileError) {
                initialised = try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            } catch {
                failure = error
                initialised = 0
            }
        }
        if let failure { throw failure }
        return result
    }
}

// The C names, wrapped so the methods above can use `read`/`open` as their own names.
// O_NONBLOCK: a FIFO put where a file was would block `open` until a writer came; it is refused right after.
// On regular files the flag changes nothing.
private func Glibc_open(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
