import EdgarSystem
import SystemPackage

/// An input file opened read-only on a `FileDescriptor`.
/// A class so that the descriptor is closed exactly once, when the reader lets go of it.
final class InputFile {
    let path: String
    let descriptor: FileDescriptor
    /// The size `fstat` reported at open time.
    let size: Int

    private init(path: String, descriptor: FileDescriptor, size: Int) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
    }

    deinit { FileSystem.release(descriptor) }

    /// Opens `path` as an input. Users see a failure as "cannot " + its description.
    static func open(_ path: String) throws(SystemError) -> InputFile {
        // O_NONBLOCK: a FIFO put where a file was would block `open` until a writer came; it is refused right
        // after. On regular files the flag changes nothing.
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .nonBlocking])
        } catch {
            throw SystemError(operation: "open", path: path, errno: error as? Errno ?? .ioError)
        }
        let status: Stat
        do throws(Errno) {
            status = try fd.stat()
        } catch {
            FileSystem.release(fd)
            throw SystemError(operation: "stat", path: path, errno: error)
        }
        if status.type == .directory {
            FileSystem.release(fd)
            throw SystemError(operation: "read", path: path, errno: .isDirectory)
        }
        // Checked on the descriptor, not the name: the path may have been swapped since discovery looked at it.
        guard status.type == .regular else {
            FileSystem.release(fd)
            throw SystemError(
                operation: "read", path: path, errno: .invalidArgument,
                explanation: "not a regular file (a FIFO, socket or device)")
        }
        if let filesystem = SpecialFilesystem.name(of: fd) {
            FileSystem.release(fd)
            throw SystemError(
                operation: "read", path: path, errno: .permissionDenied, explanation: SpecialFilesystem.refusal(filesystem))
        }
        return InputFile(path: path, descriptor: fd, size: Int(status.size))
    }

    /// Fills `buffer` from the current position; returns fewer bytes only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        do throws(Errno) {
            return try FileSystem.fill(buffer, from: descriptor)
        } catch {
            throw SystemError(operation: "read", path: path, errno: error)
        }
    }

    /// Fills `buffer` from `offset`; returns fewer bytes only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        do throws(Errno) {
            return try FileSystem.fill(buffer, from: descriptor, at: offset)
        } catch {
            throw SystemError(operation: "read", path: path, errno: error)
        }
    }

    /// Up to `count` bytes from `offset` (fewer at end of file), in a new array.
    func bytes(count: Int, at offset: Int) throws(SystemError) -> [UInt8] {
        do throws(Errno) {
            return try FileSystem.bytes(count: count, at: offset, from: descriptor)
        } catch {
            throw SystemError(operation: "read", path: path, errno: error)
        }
    }
}
