import Glibc

/// glob(3) behind a Swift call: the shell's `*`, `?` and `[...]` over file names, no brace or tilde tricks,
/// so a pattern means the same here as in a POSIX shell.
enum GlobExpansion {
    static func isPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The paths matching `pattern`, sorted by bytes so every machine reads them in one order; empty when
    /// nothing matches or the folders cannot be read.
    static func matches(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
