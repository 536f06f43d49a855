import EdgarCore
import EdgarSystem

/// The job-level commit after sharded runs: every expected input must have a valid manifest of its own
/// (`source.path` is that input), and every file a manifest names must exist with its size and SHA-256.
/// Only then, and only when no attempt is still alive in `_staging` and no source is mid-commit, is
/// `_SUCCESS` written. Every manifest is checked (`ManifestReader`) before a path in it is opened.
public struct OutputVerifier: Sendable {
    public let layout: OutputLayout

    public init(root: String) {
        layout = OutputLayout(root: root, compression: .gzip)
    }

    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case missingManifest(input: String, manifest: String)
        case unreadableManifest(path: String)
        case damagedManifest(path: String, reason: String)
        case otherInput(manifest: String, input: String, manifestInput: String)
        case missingFile(path: String)
        case wrongSize(path: String, expected: Int, actual: Int)
        case wrongChecksum(path: String)

        public var description: String {
            switch self {
            case .missingManifest(let input, let manifest): "not committed: \(input) (no \(manifest))"
            case .unreadableManifest(let path): "manifest cannot be read: \(path)"
            case .damagedManifest(let path, let reason): "damaged manifest \(path): \(reason)"
            case .otherInput(let manifest, let input, let other): "\(manifest) is the manifest of \(other), not of \(input)"
            case .missingFile(let path): "missing file: \(path)"
            case .wrongSize(let path, let expected, let actual): "wrong size: \(path) (\(actual) bytes, manifest says \(expected))"
            case .wrongChecksum(let path): "checksum mismatch: \(path)"
            }
        }
    }

    /// Checks the outputs of `inputs` (paths as the runs were given them). Returns every problem found.
    public func verify(inputs: [String]) -> [Problem] {
        guard let root = try? FileSystem.openRoot(layout.root, create: false) else {
            return inputs.map { .missingManifest(input: $0, manifest: "\(layout.root)/_manifests") }
        }
        defer { FileSystem.release(root) }
        let manifests = try? FileSystem.openDirectory(OutputLayout.manifestsName, in: root, create: false, label: OutputLayout.manifestsName)
        defer { if let manifests { FileSystem.release(manifests) } }
        var problems: [Problem] = []
        for (input, key) in zip(inputs, SourceKey.keys(for: inputs)) {
            let name = "_manifests/\(key).json"
            let outcome = manifests.map { ManifestReader.read(sourceKey: key, in: $0) } ?? .absent
            let checked: ManifestReader.Checked
            switch outcome {
            case .absent:
                problems.append(.missingManifest(input: input, manifest: name))
                continue
            case .damaged(let problem):
                problems.append(.damagedManifest(path: name, reason: problem.description))
                continue
            case .valid(let valid):
                checked = valid
            }
            guard SourceKey.sameInput(checked.sourcePath, input) else {
                problems.append(.otherInput(manifest: name, input: input, manifestInput: checked.sourcePath))
                continue
            }
            for file in checked.files {
                switch FileSystem.sizeAndDigest(relative: file.path, in: root) {
                case .failure:
                    problems.append(.missingFile(path: file.path))
                case .success(let actual):
                    if actual.size != file.bytes {
                        problems.append(.wrongSize(path: file.path, expected: file.bytes, actual: actual.size))
                    } else if actual.sha256 != file.sha256 {
                        problems.append(.wrongChecksum(path: file.path))
                    }
                }
            }
        }
        return problems
    }

    /// Removes `_SUCCESS`: the job is not complete while any input is missing.
    public func withdrawSuccess() throws {
        try OutputDirectory(layout: layout, withdrawsSuccessAtStart: false).withdrawSuccess()
    }

    /// Removes dead attempts' staging and writes `_SUCCESS` for `inputs`, unless an attempt is still alive or
    /// a source is mid-commit: then returns why, and writes nothing (run `commit` again when it ended).
    public func commit(inputs: [String]) throws -> String? {
        let directory = OutputDirectory(layout: layout, withdrawsSuccessAtStart: false)
        return try directory.markSuccessIfComplete(Array(zip(inputs, SourceKey.keys(for: inputs))).map { (path: $0.0, key: $0.1) })
    }
}
