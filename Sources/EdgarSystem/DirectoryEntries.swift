import Glibc
import SystemPackage

/// The one `readdir` loop: the entry names of a folder, without `.` and `..`, in the order the kernel gives.
public enum DirectoryEntries {
    /// The names in the folder at `path` (symbolic links followed: the user's path).
    public static func names(atPath path: String) -> Result<[String], Errno> {
        guard let dir = opendir(path) else { return .failure(Errno(rawValue: errno)) }
        defer { closedir(dir) }
        return .success(names(dir))
    }

    /// The names in the open folder `fd`; the descriptor stays open (a duplicate is read from its start).
    public static func names(of fd: FileDescriptor) -> Result<[String], Errno> {
        let copy: FileDescriptor
        switch FileSystem.duplicate(fd) {
        case .failure(let errno): return .failure(errno)
        case .success(let duplicate): copy = duplicate
        }
        guard let dir = fdopendir(copy.rawValue) else {
            let failure = Errno(rawValue: errno)
            try? copy.close()
            return .failure(failure)
        }
        defer { closedir(dir) }
        rewinddir(dir)
        return .success(names(dir))
    }

    private static func names(_ dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
