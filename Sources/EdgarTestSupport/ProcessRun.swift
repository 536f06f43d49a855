import Foundation

/// A finished child process.
public struct ProcessRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `executable` (a path, or a name looked up on PATH) to the end; nil when it cannot be started. With
    /// `outputFile`, stdout and stderr both go to that file (returned as `stderr`) instead of pipes, for a child
    /// that leaves a daemon behind.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, outputFile: String? = nil
    ) -> ProcessRun? {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        if let outputFile {
            guard FileManager.default.createFile(atPath: outputFile, contents: nil),
                let file = FileHandle(forWritingAtPath: outputFile)
            else { return nil }
            defer { try? file.close() }
            process.standardOutput = file
            process.standardError = file
            do { try process.run() } catch { return nil }
            process.waitUntilExit()
            let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            return ProcessRun(status: process.terminationStatus, stdout: "", stderr: text)
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
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
