import Foundation

/// Runs `python3` for the JSON Schema checks (the `jsonschema` package), which are skipped when the interpreter or
/// the package is missing. (DuckDB runs in its own venvs: `DuckDBVersions`.)
enum SchemaPython {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `python3 -c <script> <arguments…>`; nil when python3 cannot be started.
    static func run(_ script: String, _ arguments: [String] = []) -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        // Read before waiting: a full pipe would block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func canImport(_ module: String) -> Bool { run("import \(module)")?.status == 0 }

    static let hasJSONSchema = canImport("jsonschema")

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edgar-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
