import EdgarCore

/// Where things live under OUT. The names are a contract (docs/TABLES.md, "Files on disk"). A part file's name
/// ends in its `Compression`'s `fileExtension` (EdgarCore, so that the warehouse loads glob the same names).
public struct OutputLayout: Sendable {
    public var root: String
    public var compression: Compression

    public init(root: String, compression: Compression) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.compression = compression
    }

    public var manifestsFolder: String { root + "/_manifests" }
    public var stagingFolder: String { root + "/_staging" }

    /// The part file of one table, partition and source, relative to OUT.
    public func partPath(table: Table, partition: PartitionKey, sourceKey: String, part: Int = 0) -> String {
        let number = String(part)
        let padded = String(repeating: "0", count: max(0, 5 - number.count)) + number
        let folder = partition.path.isEmpty ? table.folder : table.folder + "/" + partition.path
        return folder + "/part-" + sourceKey + "-" + padded + compression.fileExtension
    }

    /// Where a failed attempt of the source may have left the reject that explains it, outside any manifest:
    /// the unknown `_rejects` partition of each `--partition`, since the attempt may have run with another one.
    public func failureRejectPaths(sourceKey: String) -> [String] {
        PartitionGranularity.allCases.map { partPath(table: .rejects, partition: .unknown($0), sourceKey: sourceKey) }
    }
}

extension OutputLayout {
    static let manifestsName = "_manifests"
    static let stagingName = "_staging"
    static let locksName = "_locks"
    static let successName = "_SUCCESS"

    /// `a/b/c` -> (`a/b`, `c`).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Whether `path` (relative to OUT) is a part file of source `key` in the contract's layout:
    /// `<table>/[year=YYYY|unknown/[month=MM|unknown/[day=DD|unknown/]]]part-<key>-NNNNN.ndjson[.gz]`.
    /// Every path a manifest or a lock file names is checked with this before it is hashed or removed, so
    /// a damaged or hostile manifest can name nothing outside OUT, nothing of another source, and nothing
    /// that is not a part file.
    public static func isPartPath(_ path: String, sourceKey key: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2, components.count <= 5,
            Table.allCases.contains(where: { $0.folder == components[0] })
        else { return false }
        let partitions = components.dropFirst().dropLast()
        for (component, field) in zip(partitions, ["year", "month", "day"]) {
            let digits = field == "year" ? 4 : 2
            guard component.hasPrefix(field + "=") else { return false }
            let value = component.dropFirst(field.count + 1)
            guard value == "unknown" || (value.utf8.count == digits && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
            else { return false }
        }
        let name = components.last!
        let prefix = "part-" + key + "-"
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        // `.ndjson.gz` is tried first: `.ndjson` is not its suffix, so the order only saves a comparison.
        guard let compression = Compression.allCases.first(where: { rest.hasSuffix($0.fileExtension) }) else { return false }
        let number = rest.dropLast(compression.fileExtension.count)
        return number.utf8.count == 5 && number.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
