import EdgarSystem
import Glibc  // strcmp
import SystemPackage

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
            switch DirectoryEntries.names(atPath: folder) {
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

/// What a path is, by `stat` (following symbolic links), or the errno on failure.
private enum FileKind {
    case file(FileIdentity), directory(FileIdentity), other
    /// On a pseudo-filesystem (named): refused whatever its type.
    case special(String)

    static func of(_ path: String) -> Result<FileKind, Errno> {
        let status: Stat
        switch FileSystem.status(path) {
        case .failure(let errno): return .failure(errno)
        case .success(let found): status = found
        }
        switch status.type {
        case .regular:
            if let name = SpecialFilesystem.name(ofPath: path) { return .success(.special(name)) }
            // Found now rather than half-way through a run: a file we may not open is reported as unreadable.
            if let denied = FileSystem.readAccess(path) { return .failure(denied) }
            return .success(.file(FileIdentity(status)))
        case .directory:
            if let name = SpecialFilesystem.name(ofPath: path) { return .success(.special(name)) }
            return .success(.directory(FileIdentity(status)))
        default: return .success(.other)
        }
    }
}
