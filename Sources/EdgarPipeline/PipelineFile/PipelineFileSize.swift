import CYaml
import Yams

/// Bounds on what a pipeline file may expand to, checked on libyaml's events before Yams composes a tree.
///
/// Yams resolves an alias to the anchored node itself, so a few kilobytes of nested aliases (`b: [*a, *a]`,
/// `c: [*b, *b]`, …) double at each level: composing is cheap, but whatever walks the tree (the decoder, glob
/// expansion, `validate`'s printout) walks all of it, and Yams itself walks it when an alias is used as a
/// mapping key (it hashes keys to find duplicates). So the check cannot wait for the tree: it runs over the
/// event stream, where each anchor's expanded size is known when its node ends and an alias adds that size
/// again. It costs one pass over the events and stops at the first node past a bound, located at it.
enum PipelineFileSize {
    /// Nodes plus scalar bytes, aliases expanded. A real pipeline file is a few hundred; this leaves room for
    /// thousands of listed inputs.
    static let maxExpandedSize = 1 << 20
    /// The longest scalar: well above any path (PATH_MAX is 4096) or pattern.
    static let maxScalarBytes = 64 << 10

    /// Throws at the first node past a bound. A YAML syntax error is left for the composer to report.
    static func check(_ yaml: String, file: String) throws(PipelineFileError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(yaml.utf8)
        try utf8.withUnsafeMutableBufferPointer { buffer throws(PipelineFileError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk(file: file)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try walk.take(event)
            }
        }
    }

    /// Sizes of the open collections and of every anchor seen so far.
    private struct Walk {
        let file: String
        /// Open sequences and mappings: their size so far and their anchor.
        var open: [(size: Int, anchor: String?)] = []
        var anchors: [String: Int] = [:]
        /// The size of the documents ended so far (a stream may hold several).
        var total = 0

        init(file: String) {
            self.file = file
        }

        mutating func take(_ event: yaml_event_t) throws(PipelineFileError) {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let length = Int(event.data.scalar.length)
                if length > maxScalarBytes {
                    throw failure(
                        line, column,
                        "a value of \(length) bytes is longer than the \(maxScalarBytes)-byte limit for one value")
                }
                try ended(1 + length, anchor: PipelineFileSize.string(event.data.scalar.anchor), line, column)
            case YAML_SEQUENCE_START_EVENT:
                open.append((1, PipelineFileSize.string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                open.append((1, PipelineFileSize.string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let node = open.popLast() else { return }
                try ended(node.size, anchor: node.anchor, line, column)
            case YAML_ALIAS_EVENT:
                // An undefined alias is the composer's error to report; it adds nothing here.
                let size = PipelineFileSize.string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 0
                try ended(size, anchor: nil, line, column)
            default:
                break
            }
        }

        /// A node of expanded `size` ended: it counts in full toward its parent (or the stream).
        private mutating func ended(_ size: Int, anchor: String?, _ line: Int, _ column: Int) throws(PipelineFileError) {
            if let anchor { anchors[anchor] = size }
            // Every size stays at most the bound before an addition, so the sums cannot overflow.
            let grown: Int
            if open.isEmpty {
                total += size
                grown = total
            } else {
                open[open.count - 1].size += size
                grown = open[open.count - 1].size
            }
            guard grown <= maxExpandedSize else {
                throw failure(
                    line, column,
                    "the file expands to more than \(maxExpandedSize) bytes and values with its YAML aliases "
                        + "resolved (each use of an alias counts in full); a pipeline file needs nowhere near that")
            }
        }

        private func failure(_ line: Int, _ column: Int, _ message: String) -> PipelineFileError {
            PipelineFileError(file: file, line: line, column: column, keyPath: "", message: message)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
