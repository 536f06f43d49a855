import EdgarCore

/// Where things live under OUT. The names are a contract (OUTPUT.md "Layout on disk").
public struct OutputLayout: Sendable {
    public var root: String
    public var compression: Compression

    public init(root: String, compression: Compression) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.compression = compression
    }

    public var manifestsFolder: String { root + "/_manifests" }
    public var stagingFolder: String { root + "/_staging" }
    public var successMarker: String { root + "/_SUCCESS" }

    public func manifestPath(sourceKey: String) -> String { manifestsFolder + "/" + sourceKey + ".json" }

    /// The part file of one table, partition and source, relative to OUT.
    public func partPath(table: Table, partition: PartitionKey, sourceKey: String, part: Int = 0) -> String {
        let number = String(part)
        let padded = String(repeating: "0", count: max(0, 5 - number.count)) + number
        let folder = partition.path.isEmpty ? table.folder : table.folder + "/" + partition.path
        return folder + "/part-" + sourceKey + "-" + padded + compression.fileExtension
    }
}

public enum Compression: String, Sendable, CaseIterable {
    case gzip
    case none

    public var fileExtension: String { self == .gzip ? ".ndjson.gz" : ".ndjson" }
}

/// Derives the `<source-key>` of each input: its file name, made safe for a file name. Re-running the same
/// input therefore replaces exactly the files it produced before. Two inputs of one run with the same file
/// name (`a/day.zip`, `b/day.zip`) are told apart by their folders.
public enum SourceKey {
    public static func keys(for paths: [String]) -> [String] {
        let base = paths.map { sanitize(lastComponents(of: $0, count: 1)) }
        var counts: [String: Int] = [:]
        for key in base { counts[key, default: 0] += 1 }
        return zip(paths, base).map { path, key in
            counts[key]! > 1 ? sanitize(lastComponents(of: path, count: 64)) : key
        }
    }

    private static func lastComponents(of path: String, count: Int) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        return parts.suffix(count).joined(separator: "_")
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
