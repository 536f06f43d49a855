#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input found on the command line or under a folder given there.
public enum DiscoveredInput: Sendable, Equatable {
    case file(path: String)
    case unreadable(path: String, reason: String)

    public var path: String {
        switch self {
        case .file(let path), .unreadable(let path, _): path
        }
    }
}

/// Expands command-line paths into the files to read.
public enum InputDiscovery {
    /// Files as given, folders recursively (skipping hidden entries, whose names start with '.', Markdown
    /// notes such as a README beside the archives, and any folder holding a `_manifests` subfolder, which is an
    /// edgar-etl output), sorted by path, each file once. A path that does not exist or cannot be read comes
    /// back as `.unreadable(path, reason)`, never as an error.
    ///
    /// Symbolic links are followed, but every folder is walked once and every file listed once, both known by
    /// (device, inode): a link loop (`ln -s . d/a`) or a link back up (`ln -s .. d/up`) ends at once, and
    /// `a.zip ./a.zip` or a hard link is one input, listed under the path that sorts first. Only regular files
    /// are inputs; pseudo-filesystems (/proc, /sys, …) are refused (see `SpecialFilesystem`). `isCancelled` is
    /// checked between folder entries, so a signal stops a long walk; a cancelled walk returns nothing.
    public static func expand(_ paths: [String], isCancelled: @escaping () -> Bool = { false }) -> [DiscoveredInput] {
        var walk = Walk(isCancelled: isCancelled)
        for path in paths {
            if walk.stopped { break }
            switch FileKind.of(path) {
            case .failure(let reason): walk.found.append((.unreadable(path: path, reason: reason.description), nil))
            case .success(.directory(let identity)): walk.folder(path, identity)
            case .success(.file(let identity)): walk.found.append((.file(path: path), identity))
            case .success(.other):
                walk.found.append((.unreadable(path: path, reason: "not a regular file or folder"), nil))
            case .success(.special(let name)):
                walk.found.append((.unreadable(path: path, reason: SpecialFilesystem.refusal(name)), nil))
            }
        }
        // A cancelled walk found only part of the tree: a run must read none of it.
        if walk.stopped || isCancelled() { return [] }
        var seenPaths = Set<String>()
        var seenFiles = Set<FileIdentity>()
        return walk.found
            .sorted { InputDiscovery.bytesPrecede($0.input.path, $1.input.path) }
            .filter { entry in
                guard seenPaths.insert(entry.input.path).inserted else { return false }
                guard let identity = entry.identity else { return true }
                return seenFiles.insert(identity).inserted
            }
            .map(\.input)
    }

    /// One walk's state: what was found, and the folders already entered.
    private struct Walk {
        let isCancelled: () -> Bool
        var found: [(input: DiscoveredInput, identity: FileIdentity?)] = []
        var enteredFolders = Set<FileIdentity>()
        var stopped = false

        init(isCancelled: @escaping () -> Bool) {
            self.isCancelled = isCancelled
        }

        mutating func folder(_ folder: String, _ identity: FileIdentity) {
            guard enteredFolders.insert(identity).inserted else { return }
            let names: [String]
            switch DirectoryListing.names(folder) {
            case .failure(let reason):
                found.append((.unreadable(path: folder, reason: reason.description), nil))
                return
            case .success(let list):
                names = list
            }
            if names.contains("_manifests"), case .success(.directory) = FileKind.of(InputDiscovery.join(folder, "_manifests")) {
                return
            }
            for name in names where !name.hasPrefix(".") && !InputDiscovery.isDocumentation(name) {
                if stopped || isCancelled() {
                    stopped = true
                    return
                }
                let path = InputDiscovery.join(folder, name)
                switch FileKind.of(path) {
                case .failure(let reason): found.append((.unreadable(path: path, reason: reason.description), nil))
                case .success(.directory(let identity)): self.folder(path, identity)
                case .success(.file(let identity)): found.append((.file(path: path), identity))
                case .success(.other), .success(.special): break  // sockets, FIFOs, devices, /proc: not inputs
                }
            }
        }
    }

    /// Byte order (UTF-8 code units), as `strcmp` gives it; paths hold no NUL. The generic
    /// `utf8.lexicographicallyPrecedes` cost seconds for 100,000 paths in a debug build.
    private static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        a.withCString { left in b.withCString { right in strcmp(left, right) < 0 } }
    }

    /// Notes kept beside archives; never filings. A Markdown file given by name is still read.
    private static func isDocumentation(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".md")
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// A file or folder as the kernel knows it, whatever path led there.
private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// What a path is, by `stat` (following symbolic links) with the errno text on failure.
private enum FileKind {
    case file(FileIdentity), directory(FileIdentity), other
    /// On a pseudo-filesystem (named): refused whatever its type.
    case special(String)

    static func of(_ path: String) -> Result<FileKind, ErrnoText> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ErrnoText(errno)) }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if let name = SpecialFilesystem.name(ofPath: path) { return .success(.special(name)) }
            // Found now rather than half-way through a run: a file we may not open is reported as unreadable.
            guard access(path, R_OK) == 0 else { return .failure(ErrnoText(errno)) }
            return .success(.file(identity))
        case S_IFDIR:
            if let name = SpecialFilesystem.name(ofPath: path) { return .success(.special(name)) }
            return .success(.directory(identity))
        default: return .success(.other)
        }
    }
}

/// `strerror` text as an error value.
struct ErrnoText: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ code: Int32) { description = String(cString: strerror(code)) }
}

/// The entry names of a folder, through `opendir`/`readdir`/`closedir`.
private enum DirectoryListing {
    static func names(_ path: String) -> Result<[String], ErrnoText> {
        guard let dir = opendir(path) else { return .failure(ErrnoText(errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }
}
