import Foundation

/// The DuckDB releases the warehouse tests load into: the LTS line (1.4.x) and the current release, each in its own
/// venv made (once, then cached under `.build/duckdb-venvs`) by `scripts/duckdb-venvs`.
public enum DuckDBVersions {
    public struct Interpreter: Sendable, CustomStringConvertible {
        /// `lts` or `current`.
        public let name: String
        /// The venv's python, which imports that duckdb.
        public let python: String
        public var description: String { name }
    }

    /// Every interpreter, or why there is none (the reason a test prints when it skips).
    public static let found: Result<[Interpreter], Unavailable> = {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/duckdb-venvs").standardized.path
        guard let run = ProcessRun.run(script, []) else { return .failure(Unavailable(reason: "cannot start \(script)")) }
        guard run.status == 0 else {
            return .failure(Unavailable(reason: "scripts/duckdb-venvs failed: \(run.stderr.suffix(300))"))
        }
        let interpreters = run.stdout.split(separator: "\n").compactMap { line -> Interpreter? in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? Interpreter(name: String(parts[0]), python: String(parts[1])) : nil
        }
        return interpreters.isEmpty ? .failure(Unavailable(reason: "scripts/duckdb-venvs made no venv")) : .success(interpreters)
    }()

    public static var available: Bool { (try? found.get()) != nil }
    public static var interpreters: [Interpreter] { (try? found.get()) ?? [] }
    public static var skipReason: String {
        if case .failure(let why) = found { return "DuckDB cannot be installed, skipping: \(why.reason)" }
        return ""
    }

    public struct Unavailable: Error, Sendable { public let reason: String }
}
