import EdgarCore
import Glibc  // getcwd

/// Derives the `<source-key>` of each input: `<file name>-<hash>`, where the file name is made safe for a
/// file name (for people to read) and the hash is the first 12 hex digits (48 bits) of the SHA-256 of the
/// input's absolute, lexically normalised path (`.`, `..` and repeated `/` resolved, links not followed).
///
/// So two different inputs never share a key, within a run or across runs into one OUT (`a/day.zip` and
/// `b/day.zip`, `甲.txt` and `乙.txt`, thousands of `form4.xml`), and the same input given again, as
/// `in/day.zip`, `./in/day.zip` or its absolute path, gets the same key and replaces exactly its own files.
/// Relative paths are resolved against the current folder: shards and `commit` of one job must run from the
/// same folder, or be given absolute paths.
public enum SourceKey {
    static let hashDigits = 12
    static let nameLimit = 100

    public static func keys(for paths: [String]) -> [String] {
        let folder = currentDirectory()
        let normalised = paths.map { absoluteNormalisedPath($0, in: folder) }
        var keys = normalised.map { key(name: fileName(of: $0), hashing: $0, digits: hashDigits) }
        // Two different paths whose 48-bit hashes agree (about one chance in 10^14 for a million inputs) get
        // the whole hash rather than one key.
        var owner: [String: String] = [:]
        var clashing: Set<String> = []
        for (key, path) in zip(keys, normalised) {
            if let other = owner[key], other != path { clashing.insert(key) } else { owner[key] = path }
        }
        if !clashing.isEmpty {
            keys = zip(keys, normalised).map { key, path in
                clashing.contains(key) ? Self.key(name: fileName(of: path), hashing: path, digits: 64) : key
            }
        }
        return keys
    }

    /// The key of one input.
    public static func key(for path: String) -> String { keys(for: [path])[0] }

    /// Whether two input paths as given name the same input: equal, or equal once made absolute and normalised
    /// against the current folder.
    public static func sameInput(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let folder = currentDirectory()
        return absoluteNormalisedPath(a, in: folder) == absoluteNormalisedPath(b, in: folder)
    }

    /// The keys the input may have had before keys carried a hash: its file name, or its path's components
    /// (without `.` and `..`) joined by `_`, made safe.
    static func legacyKeys(for path: String) -> [String] {
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        let keys = [sanitize(parts.suffix(1).joined(separator: "_")), sanitize(parts.suffix(64).joined(separator: "_"))]
        return keys[0] == keys[1] ? [keys[0]] : keys
    }

    static func key(name: String, hashing path: String, digits: Int) -> String {
        let hash = SHA256.hexDigest(of: Array(path.utf8)).prefix(digits)
        return String(sanitize(name).prefix(nameLimit)) + "-" + hash
    }

    /// `path` made absolute against `folder`, with `.`, `..` and empty components resolved lexically.
    public static func absoluteNormalisedPath(_ path: String, in folder: String) -> String {
        let full = path.hasPrefix("/") ? path : folder + "/" + path
        var parts: [Substring] = []
        for component in full.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(component)
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func fileName(of normalised: String) -> String {
        normalised.split(separator: "/").last.map(String.init) ?? "input"
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Letters, digits, `.`, `_` and `-` stay; anything else becomes `_`. Never empty, never hidden.
    static func sanitize(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "." || scalar == "_" || scalar == "-"
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "input" : String(out.prefix(200))
    }
}
