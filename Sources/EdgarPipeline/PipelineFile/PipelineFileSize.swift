import Yams

/// Bounds on what a pipeline file may expand to. Yams resolves an alias to the anchored node itself, so a
/// few kilobytes of nested aliases (`b: [*a, *a]`, `c: [*b, *b]`, …) compose cheaply into a tree whose
/// expansion doubles at each level: the decoder, glob expansion and `validate`'s printout would each walk
/// all of it. The tree is measured as expanded, aliases counted every time they are used, and the walk stops
/// as soon as a bound is passed, so the check costs at most the bound however deep the nesting.
enum PipelineFileSize {
    /// Nodes plus scalar bytes, aliases expanded. A real pipeline file is a few hundred; this leaves room for
    /// thousands of listed inputs.
    static let maxExpandedSize = 1 << 20
    /// The longest scalar: well above any path (PATH_MAX is 4096) or pattern.
    static let maxScalarBytes = 64 << 10

    /// Throws at the first node past a bound, located at that node.
    static func check(_ root: Node, file: String) throws(PipelineFileError) {
        var budget = maxExpandedSize
        try visit(root, budget: &budget, file: file)
    }

    private static func visit(_ node: Node, budget: inout Int, file: String) throws(PipelineFileError) {
        budget -= 1
        switch node {
        case .scalar(let scalar):
            let length = scalar.string.utf8.count
            if length > maxScalarBytes {
                throw error(
                    node, file,
                    "a value of \(length) bytes is longer than the \(maxScalarBytes)-byte limit for one value")
            }
            budget -= length
        case .mapping(let mapping):
            for (key, value) in mapping {
                try visit(key, budget: &budget, file: file)
                try visit(value, budget: &budget, file: file)
            }
        case .sequence(let sequence):
            for element in sequence { try visit(element, budget: &budget, file: file) }
        case .alias:
            break
        }
        if budget < 0 {
            throw error(
                node, file,
                "the file expands to more than \(maxExpandedSize) bytes and values with its YAML aliases "
                    + "resolved (each use of an alias counts in full); a pipeline file needs nowhere near that")
        }
    }

    private static func error(_ node: Node, _ file: String, _ message: String) -> PipelineFileError {
        PipelineFileError(
            file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, keyPath: "", message: message)
    }
}
