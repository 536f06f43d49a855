/// `${NAME}` and `${NAME:-default}` in pipeline-file paths. Nothing else is special: no `$NAME` without braces,
/// no commands, so a path containing a lone `$` means itself.
enum EnvironmentExpansion {
    enum Failure: Error, Equatable {
        case unset(String)
        case unterminated
    }

    static func expand(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { return .failure(.unterminated) }
            let body = rest[start.upperBound..<end]
            let parts = body.split(separator: ":-", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if let value = environment[name], !value.isEmpty {
                output += value
            } else if parts.count == 2 {
                output += parts[1]
            } else {
                return .failure(.unset(name))
            }
            rest = rest[rest.index(after: end)...]
        }
        return .success(output + rest)
    }
}

/// `a/b/../c/./d` → `a/c/d`, without touching the disk, so paths relative to a pipeline file read cleanly in
/// manifests and messages. Lexical, like Go's `path.Clean`: a `..` after a symlink is taken literally.
enum LexicalPath {
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
