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
    /// edgar-etl output), sorted by path, de-duplicated. A path that
    /// does not exist or cannot be read comes back as `.unreadable(path, reason)`, never as an error.
    public static func expand(_ paths: [String]) -> [DiscoveredInput] {
        var found: [DiscoveredInput] = []
        for path in paths {
            switch FileKind.of(path) {
            case .failure(let reason): found.append(.unreadable(path: path, reason: reason.description))
            case .success(.directory): walk(path, into: &found)
            case .success(.file): found.append(.file(path: path))
            case .success(.other): found.append(.unreadable(path: path, reason: "not a regular file or folder"))
            }
        }
        var seen = Set<String>()
        return found
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .filter { seen.insert($0.path).inserted }
    }

    private static func walk(_ folder: String, into found: inout [DiscoveredInput]) {
        let names: [String]
        switch DirectoryListing.names(folder) {
        case .failure(let reason):
            found.append(.unreadable(path: folder, reason: reason.description))
            return
        case .success(let list):
            names = list
        }
        if names.contains("_manifests"), case .success(.directory) = FileKind.of(join(folder, "_manifests")) {
            return
        }
        for name in names where !name.hasPrefix(".") && !isDocumentation(name) {
            let path = join(folder, name)
            switch FileKind.of(path) {
            case .failure(let reason): found.append(.unreadable(path: path, reason: reason.description))
            case .success(.directory): walk(path, into: &found)
            case .success(.file): found.append(.file(path: path))
            case .success(.other): break  // sockets, FIFOs, devices: not inputs
            }
        }
    }

    /// Notes kept beside archives; never filings. A Markdown file given by name is still read.
    private static func isDocumentation(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".md")
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// What a path is, by `stat` (following symbolic links) with the errno text on failure.
private enum FileKind {
    case file, directory, other

    static func of(_ path: String) -> Result<FileKind, ErrnoText> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ErrnoText(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Found now rather than half-way through a run: a file we may not open is reported as unreadable.
            guard access(path, R_OK) == 0 else { return .failure(ErrnoText(errno)) }
            return .success(.file)
        case S_IFDIR: return .success(.directory)
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
