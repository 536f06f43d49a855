import EdgarCore
import Foundation

/// What a warehouse load of one output folder reads: the committed sources and, per source and table, the part files
/// its manifest lists. Loading by manifest (never by a glob) means an uncommitted or half-replaced source, an orphan
/// part file or a staging folder is never loaded, and `--compression none` parts (`.ndjson`) load like gzip ones.
public struct LoadPlan: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        /// The source key: the manifest's file name without `.json`. Every loaded row carries it (`source_key`), so a
        /// re-load deletes exactly the rows this source loaded before.
        public var key: String
        /// Part files by table, as absolute or OUT-joined paths, in manifest order.
        public var files: [Table: [String]]

        public init(key: String, files: [Table: [String]]) {
            self.key = key
            self.files = files
        }
    }

    /// The column a load adds to every table: the source key of the row's input.
    public static let sourceKeyColumn = "source_key"

    /// In source-key order, so the same folder always gives the same script.
    public var sources: [Source]

    public init(sources: [Source]) { self.sources = sources }

    /// The sources of `tables` only (every table's files are kept when `tables` is nil).
    public func restricted(to tables: Set<Table>?) -> LoadPlan {
        guard let tables else { return self }
        return LoadPlan(sources: sources.map { Source(key: $0.key, files: $0.files.filter { tables.contains($0.key) }) })
    }

    /// Reads `out/_manifests/*.json`. A manifest that is not a regular file, not JSON, or lists a path outside the
    /// table folders is an error: a load must not guess around a damaged output.
    public static func read(out: String) throws(LoadPlanError) -> LoadPlan {
        let manifests = out + "/_manifests"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: manifests) else {
            throw LoadPlanError("\(manifests) cannot be read: is \(out) the output folder of a run?")
        }
        var sources: [Source] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = manifests + "/" + name
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                let data = FileManager.default.contents(atPath: path)
            else { throw LoadPlanError("\(path) is not a readable regular file") }
            let key = String(name.dropLast(".json".count))
            sources.append(try source(key: key, manifest: data, out: out, path: path))
        }
        return LoadPlan(sources: sources)
    }

    /// One manifest's files, grouped by the table folder each path starts with.
    static func source(key: String, manifest: Data, out: String, path: String) throws(LoadPlanError) -> Source {
        guard let object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
            let files = object["files"] as? [[String: Any]]
        else { throw LoadPlanError("\(path) is not a manifest (no files list)") }
        var byTable: [Table: [String]] = [:]
        for file in files {
            guard let relative = file["path"] as? String else { throw LoadPlanError("\(path): a file without a path") }
            let components = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }),
                let first = components.first, let table = Table(warehouseName: String(first)),
                String(first) == table.folder, components.count >= 2
            else { throw LoadPlanError("\(path) lists \(relative), which is not a part file inside \(out)") }
            byTable[table, default: []].append(out + "/" + relative)
        }
        return Source(key: key, files: byTable)
    }
}

/// Why `LoadPlan.read` refused an output folder; `message` is meant for stderr.
public struct LoadPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the DuckDB and PostgreSQL loads share around their inserts.
extension LoadPlan {
    /// A SQL string literal (quotes doubled).
    static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Adds the key a re-load deletes by to tables an older load created without it.
    static func addSourceKeyColumns(type: String) -> String {
        var sql = "\n-- Tables an older load created lack the key a re-load deletes by.\n"
        for table in Table.allCases {
            sql += "ALTER TABLE \(table.warehouseName) ADD COLUMN IF NOT EXISTS \(sourceKeyColumn) \(type);\n"
        }
        return sql
    }

    /// Deletes the rows of the sources about to be loaded, so a re-load replaces them.
    func deleteLoadedSources(from tables: [Table]) -> String {
        guard !sources.isEmpty else { return "" }
        let keys = sources.map { Self.literal($0.key) }.joined(separator: ", ")
        return tables.map { "DELETE FROM \($0.warehouseName) WHERE \(Self.sourceKeyColumn) IN (\(keys));\n" }.joined()
    }
}
