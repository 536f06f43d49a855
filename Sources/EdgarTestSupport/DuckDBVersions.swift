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

/// A finished child process.
public struct ProcessRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `executable` (a path, or a name looked up on PATH) to the end; nil when it cannot be started.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> ProcessRun? {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Drain stderr on its own thread: a child that fills one pipe while we wait on the other would block.
        // Unsafe but sound: the reader thread writes `stderr` once, before `group.wait()` returns; it is read after.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessRun(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
