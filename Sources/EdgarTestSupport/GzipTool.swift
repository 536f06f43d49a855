import Foundation

/// GNU gzip, the reference reader our gzip output and input must agree with.
public enum GzipTool {
    /// `gzip -dc path`: its exit status and the bytes it wrote.
    public static func decompress(_ path: String) throws -> (status: Int32, bytes: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data))
    }

    /// Writes `bytes` to a temporary `.gz` file and decompresses it with `gzip -dc`.
    public static func decompress(bytes: [UInt8]) throws -> (status: Int32, bytes: [UInt8]) {
        let path = NSTemporaryDirectory() + "gzip-tool-\(UUID().uuidString).gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try decompress(path)
    }
}
