import EdgarSystem

/// Output problems that are not a failed system call: the state of OUT forbids the run.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// `_manifests/<key>.json` belongs to another input (the paths differ): replacing it would lose that input.
    case keyConflict(key: String, input: String, manifestInput: String)
    /// `--output` names something that exists and is not a folder.
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case .keyConflict(let key, let input, let other):
            "_manifests/\(key).json is the manifest of another input (\(other)), not of \(input); nothing of it was replaced. "
                + "If both name the same file, give the path as that run did (or an absolute path); otherwise remove that manifest by hand."
        case .notADirectory(let path):
            "the output \(path) exists and is not a folder"
        }
    }

    /// Retrying the same command cannot help.
    public var isPermanent: Bool { true }
}

extension Error {
    /// Whether this failure to write OUT is permanent (exit 73) rather than worth a retry (exit 75).
    public var isPermanentOutputError: Bool {
        if let error = self as? SystemError { return error.isPermanent }
        if let error = self as? OutputError { return error.isPermanent }
        return false
    }
}
