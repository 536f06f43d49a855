import Foundation

/// What `edgar-etl validate FILE…` prints: one verdict per pipeline file, with the located error or a short
/// summary of what the file sets, and warnings for things that are legal but probably unintended.
public enum ValidateSupport {
    public struct Verdict: Sendable, Equatable {
        public var path: String
        public var file: PipelineFile?
        public var error: PipelineFileError?
        public var warnings: [String]

        public var isValid: Bool { error == nil }

        /// `path: OK (...)` plus `path: warning: ...` lines, or the error line.
        public var text: String {
            if let error { return "\(error)\n" }
            guard let file else { return "\(path): OK\n" }
            var text = "\(path): OK (\(ValidateSupport.summary(of: file)))\n"
            for warning in warnings { text += "\(path): warning: \(warning)\n" }
            return text
        }
    }

    public static func validate(
        paths: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [Verdict] {
        paths.map { path in
            do throws(PipelineFileError) {
                let file = try PipelineFileLoader.load(path: path, environment: environment)
                return Verdict(path: path, file: file, error: nil, warnings: warnings(for: file))
            } catch {
                return Verdict(path: path, file: nil, error: error, warnings: [])
            }
        }
    }

    /// The whole report and whether every file is valid (the CLI exits 0 or 64 on it).
    public static func report(
        paths: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (text: String, allValid: Bool) {
        let verdicts = validate(paths: paths, environment: environment)
        return (verdicts.map(\.text).joined(), verdicts.allSatisfy(\.isValid))
    }

    static func warnings(for file: PipelineFile) -> [String] {
        var warnings = file.unmatchedGlobs.map { "inputs: nothing matches \($0) (yet); the run will report it as unreadable" }
        for path in file.inputs where !GlobExpansion.isPattern(path) && !FileManager.default.fileExists(atPath: path) {
            warnings.append("inputs: \(path) does not exist (yet)")
        }
        if file.compression == .some(.none), file.compressionLevel != nil {
            warnings.append("compression_level has no effect with compression: none")
        }
        return warnings
    }

    static func summary(of file: PipelineFile) -> String {
        var parts = ["\(file.inputs.count) input\(file.inputs.count == 1 ? "" : "s")"]
        if let output = file.output { parts.append("output \(output)") }
        parts.append("forms \(file.forms?.joined(separator: ",") ?? "all")")
        return parts.joined(separator: ", ")
    }
}
