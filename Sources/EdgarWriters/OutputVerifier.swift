import EdgarCore
import Foundation

/// The job-level commit after sharded runs: every expected input must have a manifest, and every file a
/// manifest names must exist with its size and SHA-256. Only then is `_SUCCESS` written.
public struct OutputVerifier: Sendable {
    public let layout: OutputLayout

    public init(root: String) {
        layout = OutputLayout(root: root, compression: .gzip)
    }

    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case missingManifest(input: String, manifest: String)
        case unreadableManifest(path: String)
        case missingFile(path: String)
        case wrongSize(path: String, expected: Int, actual: Int)
        case wrongChecksum(path: String)

        public var description: String {
            switch self {
            case .missingManifest(let input, let manifest): "not committed: \(input) (no \(manifest))"
            case .unreadableManifest(let path): "manifest cannot be read: \(path)"
            case .missingFile(let path): "missing file: \(path)"
            case .wrongSize(let path, let expected, let actual): "wrong size: \(path) (\(actual) bytes, manifest says \(expected))"
            case .wrongChecksum(let path): "checksum mismatch: \(path)"
            }
        }
    }

    /// Checks the outputs of `inputs` (paths as the runs were given them). Returns every problem found.
    public func verify(inputs: [String]) -> [Problem] {
        var problems: [Problem] = []
        for (input, key) in zip(inputs, SourceKey.keys(for: inputs)) {
            let manifestPath = layout.manifestPath(sourceKey: key)
            guard FileSystem.exists(manifestPath) else {
                problems.append(.missingManifest(input: input, manifest: "_manifests/\(key).json"))
                continue
            }
            guard let bytes = FileSystem.readFile(manifestPath),
                let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                let files = object["files"] as? [[String: Any]]
            else {
                problems.append(.unreadableManifest(path: manifestPath))
                continue
            }
            for file in files {
                guard let path = file["path"] as? String, let size = file["bytes"] as? Int,
                    let sha = file["sha256"] as? String
                else {
                    problems.append(.unreadableManifest(path: manifestPath))
                    continue
                }
                guard let actual = FileSystem.sizeAndDigest(layout.root + "/" + path) else {
                    problems.append(.missingFile(path: path))
                    continue
                }
                if actual.size != size {
                    problems.append(.wrongSize(path: path, expected: size, actual: actual.size))
                } else if actual.sha256 != sha {
                    problems.append(.wrongChecksum(path: path))
                }
            }
        }
        return problems
    }

    /// Removes `_SUCCESS`: the job is not complete while any input is missing.
    public func withdrawSuccess() throws {
        try FileSystem.removeFile(layout.successMarker)
    }

    /// Removes every staging folder (no shard may be running when the job commits) and writes `_SUCCESS`.
    public func commit() throws {
        FileSystem.removeTree(layout.stagingFolder)
        try FileSystem.writeAtomically([], to: layout.successMarker, temporaryDirectory: layout.root)
    }
}
