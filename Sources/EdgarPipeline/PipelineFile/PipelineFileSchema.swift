import EdgarCore

/// Every option a run takes from a pipeline file, and the `edgar-etl run` flag that sets it too: the decoder's list
/// of known keys at each level and the ranges it checks, the ranges `run` checks its flags against, the text of
/// `edgar-etl validate --keys` and the checklist `pipelines/README.md` is tested against. One list, so they
/// cannot drift apart.
public struct PipelineFileKey: Sendable, Equatable {
    /// Dotted path: `jobs`, `limits.max_member_bytes`.
    public var path: String
    public var type: String
    public var defaultValue: String
    public var meaning: String
    /// The `edgar-etl run` flag for the same option (`--jobs`); nil where the command line has none.
    public var flag: String?
    /// The integers (or byte counts) accepted; nil for a key of another type.
    public var range: ClosedRange<Int>?

    public var name: Substring { path.split(separator: ".").last ?? Substring(path) }
    public var parent: String { path.contains(".") ? String(path.split(separator: ".").dropLast().joined(separator: ".")) : "" }
}

public enum PipelineFileSchema {
    /// `rejects.max_reject_ratio`, `--max-reject-ratio`: a fraction, the one option that is not an integer.
    public static let rejectRatioRange = 0.0...1.0

    public static let keys: [PipelineFileKey] = [
        key("version", "integer, required", "-",
            "Format version of the file. Must be 1; a later edgar-etl may read newer versions."),
        key("inputs", "list of strings", "[] (give inputs on the command line)",
            "Archives, files, folders or glob patterns (*, ?, [..]) to read. Relative paths are taken from the pipeline file's folder. ${NAME} and ${NAME:-default} are replaced from the environment. Globs are expanded and sorted; one that matches nothing is kept as written and the run reports it as an unreadable input."),
        key("output", "string", "(required on the command line if absent)",
            "Output folder (OUT). Relative to the pipeline file's folder; ${NAME} expansion as for inputs.", flag: "--output"),
        key("forms", "list of strings", "all",
            "Ownership forms that become rows: \(FormType.spellings.joined(separator: ", ")), or the groups `all` and `amendments` (\(FormType.allCases.filter(\.isAmendment).map(\.rawValue).joined(separator: ", "))). Other ownership forms are skipped and counted."),
        key("partition", "day | month | year | none", "month", "Partition folders below each table, by filing date.", flag: "--partition"),
        key("compression", "gzip | none", "gzip", "Part files written as .ndjson.gz or .ndjson.", flag: "--compression"),
        integer("compression_level", 1...9, "1", "gzip level (libdeflate): 6 makes files ~25% smaller for ~2.3x the compression CPU.",
            flag: "--compression-level"),
        integer("jobs", 1...256, "number of cores", "Transformer workers. Output is byte-identical for any value.", flag: "--jobs"),
        // Readers and workers block on queues, each on its own Dispatch thread: keep well inside the thread pool.
        integer("readers", 1...64, "number of cores",
            "Inputs read and inflated at once, sharing the jobs workers. Output is byte-identical for any value.", flag: "--readers"),
        integer("batch_size", 1...4096, "16", "Filings per hand-off between stages."),
        key("recover_xml", "true | false", "false",
            "Read XML that is not well-formed in libxml2's recover mode: its rows are written and the filings row gets the issue recovered_xml (else such a document is a malformed_xml reject). DTDs and entities are refused either way.",
            flag: "--recover-xml"),
        key("limits", "mapping", "-", "Safety limits against oversized or hostile input."),
        size("limits.max_member_bytes", "64MiB",
            "Largest archive member read into memory; larger members are rejected member_too_large.",
            flag: "--max-member-bytes"),
        integer("limits.max_compression_ratio", 2...Int.max, "1000",
            "Inflated/compressed ratio above which a zip entry or .gz payload counts as a bomb and is rejected.",
            flag: "--max-compression-ratio"),
        // Real ownership documents nest 6 deep: a smaller limit would reject every one of them.
        integer("limits.max_xml_depth", 8...Int.max, "64", "Deepest XML element nesting accepted in an ownership document.",
            flag: "--max-xml-depth"),
        size("limits.max_document_bytes", "64MiB", "Largest XML ownership document parsed; larger ones are rejected member_too_large.",
            flag: "--max-document-bytes"),
        size("limits.max_inflated_bytes", "1TiB",
            "Most bytes one input may inflate to before it is given up; bounds the time spent streaming through decompression bombs.",
            flag: "--max-inflated-bytes"),
        key("rejects", "mapping", "-", "What to do with damaged input and how many rejects a run may write."),
        key("rejects.on_truncated", "skip | keep", "skip",
            "A truncated or damaged archive: skip it (nothing committed), or keep the members read whole before the damage.",
            flag: "--on-truncated"),
        integer("rejects.max_rejects", 0...Int.max, "no limit",
            "The run fails with exit status 5 when it wrote more rejects than this.", flag: "--max-rejects"),
        key("rejects.max_reject_ratio", "number 0-1", "no limit",
            "The run fails with exit status 5 when rejects exceed this fraction of filings plus rejects.", flag: "--max-reject-ratio"),
    ]

    /// The key at `path`, which must be one of `keys`.
    public static func key(_ path: String) -> PipelineFileKey {
        guard let key = keys.first(where: { $0.path == path }) else { preconditionFailure("no pipeline key \(path)") }
        return key
    }

    /// The range of the integer or size key at `path`.
    static func range(_ path: String) -> ClosedRange<Int> {
        guard let range = key(path).range else { preconditionFailure("pipeline key \(path) has no range") }
        return range
    }

    /// What `edgar-etl run` says of a flag's value outside its key's range; nil when it is inside.
    public static func flagProblem(_ path: String, _ value: Int) -> String? {
        let key = key(path)
        guard let range = key.range, !range.contains(value) else { return nil }
        let name = key.flag ?? path
        if range.upperBound == .max { return "\(name) must be at least \(range.lowerBound)" }
        return "\(name) must be between \(range.lowerBound) and \(range.upperBound)"
    }

    /// The `edgar-etl run --help` text of the flag for the key at `path`: the key's meaning, its default and the key
    /// itself, so that a flag and its pipeline-file key are described once, here.
    public static func flagHelp(_ path: String) -> String {
        let key = key(path)
        let unit = key.type.hasPrefix("size") ? " In bytes on the command line." : ""
        return "\(key.meaning)\(unit) Default: \(key.defaultValue). Pipeline file: \(key.path)."
    }

    /// The key names allowed directly below `parent` (`""` for the top level), in documentation order.
    static func names(under parent: String) -> [String] {
        keys.filter { $0.parent == parent }.map { String($0.name) }
    }

    private static func key(
        _ path: String, _ type: String, _ defaultValue: String, _ meaning: String, flag: String? = nil
    ) -> PipelineFileKey {
        PipelineFileKey(path: path, type: type, defaultValue: defaultValue, meaning: meaning, flag: flag)
    }

    /// An integer key; its type text says the range (`integer 1-9`, `integer, at least 2`).
    private static func integer(
        _ path: String, _ range: ClosedRange<Int>, _ defaultValue: String, _ meaning: String, flag: String? = nil
    ) -> PipelineFileKey {
        let type = range.upperBound == .max ? "integer, at least \(range.lowerBound)" : "integer \(range.lowerBound)-\(range.upperBound)"
        return PipelineFileKey(path: path, type: type, defaultValue: defaultValue, meaning: meaning, flag: flag, range: range)
    }

    /// A byte count of at least 1 KiB (`64MiB`).
    private static func size(_ path: String, _ defaultValue: String, _ meaning: String, flag: String? = nil) -> PipelineFileKey {
        PipelineFileKey(
            path: path, type: "size, at least 1KiB (bytes, or a number with KiB, MiB, GiB or TiB)", defaultValue: defaultValue, meaning: meaning, flag: flag, range: 1024...Int.max)
    }
}
