import EdgarCore
import EdgarWriters
import Yams

/// Walks Yams' node tree rather than using `Decodable`, because only the nodes carry the line and column an
/// error must point at, and because unknown keys must be errors, not ignored.
struct PipelineFileDecoder {
    let file: String
    let baseDirectory: String?
    let environment: [String: String]

    private typealias Entry = (key: Node, value: Node)

    func decode(_ yaml: String) throws(PipelineFileError) -> PipelineFile {
        try PipelineFileSize.check(yaml, file: file)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error)
        }
        guard let root = composed else {
            throw PipelineFileError(
                file: file, line: 1, column: 1, keyPath: "version", message: "missing required key",
                suggestion: "the file is empty; start it with `version: 1`")
        }
        guard case .mapping(let top) = root else {
            throw failure(root, "", "expected a mapping of keys at the top of the file, found \(describe(root))")
        }
        let fields = try entries(of: top, under: "")
        guard let version = fields["version"] else {
            throw PipelineFileError(
                file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1, keyPath: "version",
                message: "missing required key", suggestion: "add `version: \(PipelineFile.currentVersion)` as the first line")
        }
        let number = try integer(version.value, "version", in: Int.min...Int.max)
        guard number == PipelineFile.currentVersion else {
            throw failure(
                version.value, "version", "unsupported version \(number)",
                suggestion: "this edgar-etl reads version \(PipelineFile.currentVersion)")
        }

        var result = PipelineFile()
        if let entry = fields["inputs"] { (result.inputs, result.unmatchedGlobs) = try inputs(entry.value) }
        if let entry = fields["output"] { result.output = resolve(try expanded(try string(entry.value, "output"), entry.value, "output")) }
        if let entry = fields["forms"] { result.forms = try forms(entry.value) }
        if let entry = fields["partition"] { result.partition = try choice(entry.value, "partition", PartitionGranularity.self) }
        if let entry = fields["compression"] { result.compression = try choice(entry.value, "compression", Compression.self) }
        if let entry = fields["compression_level"] { result.compressionLevel = try integer(entry.value, "compression_level") }
        if let entry = fields["jobs"] { result.jobs = try integer(entry.value, "jobs") }
        if let entry = fields["readers"] { result.readers = try integer(entry.value, "readers") }
        if let entry = fields["batch_size"] { result.batchSize = try integer(entry.value, "batch_size") }
        if let entry = fields["recover_xml"] { result.recoverXML = try boolean(entry.value, "recover_xml") }
        if let entry = fields["limits"] { result.limits = try limits(entry.value) }
        if let entry = fields["rejects"] { result.rejects = try rejects(entry.value) }
        return result
    }

    // MARK: Sections

    private func limits(_ node: Node) throws(PipelineFileError) -> PipelineFile.Limits {
        let fields = try entries(of: try mapping(node, "limits"), under: "limits")
        var limits = PipelineFile.Limits()
        if let entry = fields["max_member_bytes"] { limits.maxMemberBytes = try size(entry.value, "limits.max_member_bytes") }
        if let entry = fields["max_compression_ratio"] {
            limits.maxCompressionRatio = try integer(entry.value, "limits.max_compression_ratio")
        }
        if let entry = fields["max_xml_depth"] { limits.maxXMLDepth = try integer(entry.value, "limits.max_xml_depth") }
        if let entry = fields["max_document_bytes"] { limits.maxDocumentBytes = try size(entry.value, "limits.max_document_bytes") }
        if let entry = fields["max_inflated_bytes"] { limits.maxInflatedBytes = try size(entry.value, "limits.max_inflated_bytes") }
        return limits
    }

    private func rejects(_ node: Node) throws(PipelineFileError) -> PipelineFile.Rejects {
        let fields = try entries(of: try mapping(node, "rejects"), under: "rejects")
        var rejects = PipelineFile.Rejects()
        if let entry = fields["on_truncated"] {
            rejects.onTruncated = try choice(entry.value, "rejects.on_truncated", TruncatedPolicy.self)
        }
        if let entry = fields["max_rejects"] { rejects.maxRejects = try integer(entry.value, "rejects.max_rejects") }
        if let entry = fields["max_reject_ratio"] { rejects.maxRejectRatio = try ratio(entry.value, "rejects.max_reject_ratio") }
        return rejects
    }

    private func inputs(_ node: Node) throws(PipelineFileError) -> (paths: [String], unmatched: [String]) {
        var paths: [String] = []
        var unmatched: [String] = []
        for (index, item) in try list(node, "inputs").enumerated() {
            let keyPath = "inputs[\(index)]"
            let path = resolve(try expanded(try string(item, keyPath), item, keyPath))
            guard GlobExpansion.isPattern(path) else {
                paths.append(path)
                continue
            }
            let matches = GlobExpansion.matches(path)
            if matches.isEmpty {
                unmatched.append(path)
                paths.append(path)
            } else {
                paths += matches
            }
        }
        return (paths, unmatched)
    }

    private func forms(_ node: Node) throws(PipelineFileError) -> [String]? {
        let groups = ["all": FormType.spellings, "amendments": FormType.allCases.filter(\.isAmendment).map(\.rawValue)]
        var accepted = Set<String>()
        for (index, item) in try list(node, "forms").enumerated() {
            let written = try string(item, "forms[\(index)]")
            let canonical = FormFilter.canonical(written)
            if let group = groups[canonical.lowercased()] {
                accepted.formUnion(group)
            } else if FormType(rawValue: canonical) != nil {
                accepted.insert(canonical)
            } else {
                let allowed = FormType.spellings + ["all", "amendments"]
                throw failure(
                    item, "forms[\(index)]", "unknown form \"\(written)\"; expected one of \(allowed.joined(separator: ", "))",
                    suggestion: KeySuggestion.closest(to: canonical, among: allowed).map { "did you mean \($0)?" })
            }
        }
        let ordered = FormType.spellings.filter(accepted.contains)
        return ordered.count == FormType.allCases.count ? nil : ordered
    }

    // MARK: Node shapes

    /// The entries of a mapping by key name; an unknown key is an error with the nearest known key offered.
    private func entries(of mapping: Node.Mapping, under parent: String) throws(PipelineFileError) -> [String: Entry] {
        let known = PipelineFileSchema.names(under: parent)
        var fields: [String: Entry] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw failure(key, parent, "expected a key name, found \(describe(key))")
            }
            let name = scalar.string
            let keyPath = parent.isEmpty ? name : parent + "." + name
            guard known.contains(name) else {
                let nearest = KeySuggestion.closest(to: name, among: known)
                throw failure(
                    key, keyPath, "unknown key",
                    suggestion: nearest.map { "did you mean \($0)?" } ?? "expected one of \(known.joined(separator: ", "))")
            }
            fields[name] = (key, value)
        }
        return fields
    }

    private func mapping(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw failure(node, keyPath, "expected a mapping of keys, found \(describe(node))")
        }
        return mapping
    }

    private func list(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw failure(node, keyPath, "expected a list, found \(describe(node))", suggestion: "write [\(node.scalar?.string ?? "...")] or one `- item` per line")
        }
        guard !sequence.isEmpty else { throw failure(node, keyPath, "empty list", suggestion: "remove the key to use the default") }
        return Array(sequence)
    }

    private func string(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> String {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            throw failure(node, keyPath, "expected a string, found \(describe(node))")
        }
        return scalar.string
    }

    /// A plain (unquoted) integer scalar within `range`; `"4"` is a string, as in YAML itself.
    /// An integer in the range `PipelineFileSchema` gives the key.
    private func integer(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> Int {
        try integer(node, keyPath, in: PipelineFileSchema.range(keyPath))
    }

    /// A plain number in `PipelineFileSchema.rejectRatioRange`: `0.05`, `0` or `1`.
    private func ratio(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> Double {
        let range = PipelineFileSchema.rejectRatioRange
        let expected = "expected a number from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw failure(node, keyPath, "\(expected), found \(describe(node))")
        }
        guard range.contains(value) else { throw failure(node, keyPath, "\(scalar.string) is out of range; \(expected)") }
        return value
    }

    private func integer(_ node: Node, _ keyPath: String, in range: ClosedRange<Int>) throws(PipelineFileError) -> Int {
        let expected = "expected " + describe(range)
        guard case .scalar(let scalar) = node, scalar.isInteger, let value = Int(scalar.string) else {
            let quoted = node.scalar.map { $0.style != .plain && Int($0.string) != nil } ?? false
            throw failure(node, keyPath, "\(expected), found \(describe(node))", suggestion: quoted ? "remove the quotes" : nil)
        }
        guard range.contains(value) else { throw failure(node, keyPath, "\(value) is out of range; \(expected)") }
        return value
    }

    /// A plain `true` or `false`; `"true"` (quoted) is a string, as in YAML itself.
    private func boolean(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.string == "true" || scalar.string == "false" else {
            throw failure(node, keyPath, "expected true or false, found \(describe(node))")
        }
        return scalar.string == "true"
    }

    /// A byte count: an integer, or a number with an IEC unit (`64MiB`).
    private func size(_ node: Node, _ keyPath: String) throws(PipelineFileError) -> Int {
        let minimum = PipelineFileSchema.range(keyPath).lowerBound
        let expected = "expected a size of at least \(minimum) bytes (an integer, or a number with KiB, MiB, GiB or TiB)"
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            throw failure(node, keyPath, "\(expected), found \(describe(node))")
        }
        switch ByteSize.parse(scalar.string) {
        case .success(let value):
            guard value >= minimum else { throw failure(node, keyPath, "\(scalar.string) is out of range; \(expected)") }
            return value
        case .failure(.unknownUnit(let unit, let meant)):
            throw failure(
                node, keyPath, "unknown unit \"\(unit)\"; \(expected)",
                suggestion: meant.map { "did you mean \($0)? (binary units only)" })
        case .failure(.overflow):
            throw failure(node, keyPath, "\(scalar.string) is too large; \(expected)")
        case .failure(.malformed):
            throw failure(node, keyPath, "\(expected), found \(describe(node))")
        }
    }

    /// An enum by its raw value, e.g. `gzip`; the error lists the values and offers the nearest.
    private func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node, _ keyPath: String, _ type: Value.Type
    ) throws(PipelineFileError) -> Value where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        let expected = "expected " + allowed.joined(separator: ", ").replacingLast(", ", with: " or ")
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            throw failure(node, keyPath, "\(expected), found \(describe(node))")
        }
        guard let value = Value(rawValue: scalar.string) else {
            throw failure(
                node, keyPath, "bad value \"\(scalar.string)\"; \(expected)",
                suggestion: KeySuggestion.closest(to: scalar.string, among: allowed).map { "did you mean \($0)?" })
        }
        return value
    }

    // MARK: Paths

    /// `${NAME}` and `${NAME:-default}` from the environment, so a scheduler can pass the day to read.
    private func expanded(_ text: String, _ node: Node, _ keyPath: String) throws(PipelineFileError) -> String {
        switch EnvironmentExpansion.expand(text, environment: environment) {
        case .success(let value): return value
        case .failure(.unset(let name)):
            throw failure(
                node, keyPath, "environment variable \(name) is not set",
                suggestion: "set it, or give a default: ${\(name):-value}")
        case .failure(.unterminated):
            throw failure(node, keyPath, "unterminated ${ in \"\(text)\"")
        }
    }

    private func resolve(_ path: String) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return LexicalPath.normalize(baseDirectory + "/" + path)
    }

    // MARK: Errors

    private func failure(_ node: Node, _ keyPath: String, _ message: String, suggestion: String? = nil) -> PipelineFileError {
        PipelineFileError(
            file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, keyPath: keyPath, message: message,
            suggestion: suggestion)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where scalar.isNull: return "no value"
        case .scalar(let scalar) where scalar.style == .plain: return "\(scalar.string)"
        case .scalar(let scalar): return "the string \"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == .max { return range.lowerBound == .min ? "an integer" : "an integer of at least \(range.lowerBound)" }
        return "an integer from \(range.lowerBound) to \(range.upperBound)"
    }

    private func syntaxError(_ error: any Error) -> PipelineFileError {
        func located(_ mark: Mark, _ message: String, keyPath: String = "") -> PipelineFileError {
            PipelineFileError(file: file, line: mark.line, column: mark.column, keyPath: keyPath, message: message)
        }
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return located(mark, "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return located(context.mark, "duplicate key", keyPath: duplicates.joined(separator: ", "))
        case .reader(let problem, _, _, _):
            return PipelineFileError(file: file, line: 0, column: 0, keyPath: "", message: "unreadable text: \(problem)")
        default:
            return PipelineFileError(file: file, line: 0, column: 0, keyPath: "", message: "YAML: \(error)")
        }
    }
}

extension String {
    fileprivate func replacingLast(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

extension Node.Scalar {
    /// The tag YAML gives the scalar (`~`, `null` and an empty value are null; `12` is int, `"12"` is str);
    /// `compose` leaves tags unresolved until a value is constructed, so resolve here.
    private var resolvedTag: Tag.Name { Resolver.default.resolveTag(of: Node.scalar(self)) }
    fileprivate var isNull: Bool { resolvedTag == .null }
    fileprivate var isInteger: Bool { resolvedTag == .int }
}
