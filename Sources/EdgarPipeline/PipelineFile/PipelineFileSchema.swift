import EdgarCore

/// Every key a pipeline file may hold: the decoder's list of known keys at each level, the text of
/// `edgar-etl validate --keys` and the checklist `pipelines/README.md` is tested against. One list, so the
/// three cannot drift apart.
public struct PipelineFileKey: Sendable, Equatable {
    /// Dotted path: `jobs`, `limits.max_member_bytes`.
    public var path: String
    public var type: String
    public var defaultValue: String
    public var meaning: String

    public var name: Substring { path.split(separator: ".").last ?? Substring(path) }
    public var parent: String { path.contains(".") ? String(path.split(separator: ".").dropLast().joined(separator: ".")) : "" }
}

public enum PipelineFileSchema {
    public static let jobsRange = 1...256
    public static let compressionLevelRange = 1...9
    public static let batchSizeRange = 1...4096
    public static let minimumMemberBytes = 1024
    public static let minimumCompressionRatio = 2
    /// Real ownership documents nest 6 deep: a smaller limit would reject every one of them.
    public static let minimumXMLDepth = 8
    public static let minimumDocumentBytes = 1024
    public static let minimumInflatedBytes = 1024

    public static let keys: [PipelineFileKey] = [
        key("version", "integer, required", "-",
            "Format version of the file. Must be 1; a later edgar-etl may read newer versions."),
        key("inputs", "list of strings", "[] (give inputs on the command line)",
            "Archives, files, folders or glob patterns (*, ?, [..]) to read. Relative paths are taken from the pipeline file's folder. ${NAME} and ${NAME:-default} are replaced from the environment. Globs are expanded and sorted; one that matches nothing is kept as written and the run reports it as an unreadable input."),
        key("output", "string", "(required on the command line if absent)",
            "Output folder (OUT). Relative to the pipeline file's folder; ${NAME} expansion as for inputs."),
        key("forms", "list of strings", "all",
            "Ownership forms that become rows: \(FormType.spellings.joined(separator: ", ")), or the groups `all` and `amendments` (\(FormType.allCases.filter(\.isAmendment).map(\.rawValue).joined(separator: ", "))). Other ownership forms are skipped and counted."),
        key("partition", "day | month | year | none", "month", "Partition folders below each table, by filing date."),
        key("compression", "gzip | none", "gzip", "Part files written as .ndjson.gz or .ndjson."),
        key("compression_level", "integer 1-9", "1", "gzip level (libdeflate): 6 makes files ~25% smaller for ~2.3x the compression CPU."),
        key("jobs", "integer 1-256", "number of cores", "Transformer workers. Output is byte-identical for any value."),
        key("batch_size", "integer 1-4096", "16", "Filings per hand-off between stages."),
        key("recover_xml", "true | false", "false",
            "Read XML that is not well-formed in libxml2's recover mode: its rows are written and the filings row gets the issue recovered_xml (else such a document is a malformed_xml reject). DTDs and entities are refused either way."),
        key("limits", "mapping", "-", "Safety limits against oversized or hostile input."),
        key("limits.max_member_bytes", "size, at least 1KiB", "64MiB",
            "Largest archive member read into memory; larger members are rejected member_too_large. A size is an integer number of bytes or a number with KiB, MiB, GiB or TiB."),
        key("limits.max_compression_ratio", "integer, at least 2", "1000",
            "Inflated/compressed ratio above which a zip entry or .gz payload counts as a bomb and is rejected."),
        key("limits.max_xml_depth", "integer, at least 8", "64", "Deepest XML element nesting accepted in an ownership document."),
        key("limits.max_document_bytes", "size, at least 1KiB", "64MiB", "Largest XML ownership document parsed; larger ones are rejected member_too_large."),
        key("limits.max_inflated_bytes", "size, at least 1KiB", "1TiB",
            "Most bytes one input may inflate to before it is given up; bounds the time spent streaming through decompression bombs."),
        key("rejects", "mapping", "-", "What to do with damaged input and how many rejects a run may write."),
        key("rejects.on_truncated", "skip | keep", "skip",
            "A truncated or damaged archive: skip it (nothing committed), or keep the members read whole before the damage."),
        key("rejects.max_rejects", "integer, at least 0", "no limit",
            "The run fails with exit status 5 when it wrote more rejects than this."),
    ]

    /// The key names allowed directly below `parent` (`""` for the top level), in documentation order.
    static func names(under parent: String) -> [String] {
        keys.filter { $0.parent == parent }.map { String($0.name) }
    }

    private static func key(_ path: String, _ type: String, _ defaultValue: String, _ meaning: String) -> PipelineFileKey {
        PipelineFileKey(path: path, type: type, defaultValue: defaultValue, meaning: meaning)
    }
}
