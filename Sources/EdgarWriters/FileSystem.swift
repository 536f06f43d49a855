import EdgarCore
import EdgarSystem
import SystemPackage

/// The writer's own uses of the file layer: hashing what it wrote, and finding a source's part files.
extension FileSystem {
    /// Size and SHA-256 of a file, read in 1 MiB slices so memory stays flat for large parts.
    static func sizeAndDigest(_ path: String) -> (size: Int, sha256: String)? {
        guard let fd = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]) else { return nil }
        defer { release(fd) }
        return try? digest(fd, expectedSize: size(of: fd) ?? 1 << 20).get()
    }

    /// Size and SHA-256 of what is left to read from `fd`; the failure is read(2)'s errno.
    /// The buffer is sized to the file: zeroing 1 MiB for each of thousands of small part files was most of the
    /// cost of checking a committed source.
    static func digest(_ fd: FileDescriptor, expectedSize: Int) -> Result<(size: Int, sha256: String), Errno> {
        var hasher = SHA256()
        return readSlices(fd, expectedSize: expectedSize) { hasher.update(buffer: $0) }.map { ($0, hasher.hexDigest()) }
    }

    /// Opens a regular file below `root` by its relative path, never through a link (see `openRegularFile`).
    static func openRegularFile(
        relative path: String, in root: FileDescriptor
    ) -> Result<(fd: FileDescriptor, size: Int), RegularFileProblem> {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let parent: FileDescriptor
        if let folder {
            guard let fd = try? openDirectory(relative: folder, in: root, create: false) else { return .failure(.missing) }
            parent = fd
        } else {
            guard let fd = try? duplicate(root).get() else { return .failure(.missing) }
            parent = fd
        }
        defer { release(parent) }
        return openRegularFile(name, in: parent)
    }

    /// Size and SHA-256 of a regular file below `root` at a relative path, read in 1 MiB slices.
    static func sizeAndDigest(
        relative path: String, in root: FileDescriptor
    ) -> Result<(size: Int, sha256: String), RegularFileProblem> {
        switch openRegularFile(relative: path, in: root) {
        case .failure(let problem): return .failure(problem)
        case .success(let (fd, expected)):
            defer { release(fd) }
            return digest(fd, expectedSize: expected).mapError { .unreadable($0) }
        }
    }

    /// The part files of `sourceKey` anywhere under the table folders of OUT (relative paths), found by walking
    /// the partition folders without following links. Used only when a source's manifest is damaged and its list
    /// cannot be trusted: the key is unique to the input, so every `part-<key>-` file in the layout is its own.
    static func partFiles(of sourceKey: String, in root: FileDescriptor) -> [String] {
        var found: [String] = []
        func walk(_ fd: FileDescriptor, _ relative: String, depth: Int) {
            for name in (try? listDirectory(fd, label: relative)) ?? [] {
                let path = relative + "/" + name
                if kind(of: name, in: fd) == .directory {
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
}
