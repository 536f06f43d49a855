import Foundation

/// Helpers for the EdgarSynth tests: scratch folders and running the system's archive tools.
enum SynthScratch {
    static func directory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("edgar-synth-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a tool and returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var python: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return executable(path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: String) -> Bool { range(of: Array(needle.utf8)) != nil }

    func range(of needle: [UInt8], from start: Int = 0) -> Range<Int>? {
        guard !needle.isEmpty, count >= needle.count, start <= count - needle.count else { return nil }
        for i in start...(count - needle.count) where self[i] == needle[0] {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
        }
        return nil
    }

    /// CRLF and bare CR turned into LF.
    var lfLineEnds: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for (i, b) in enumerated() {
            if b != 0x0D {
                out.append(b)
            } else if i + 1 == count || self[i + 1] != 0x0A {
                out.append(0x0A)  // a bare CR; the CR of a CRLF is dropped
            }
        }
        return out
    }

    /// The bytes strictly between the first `open` and the next `close`.
    func between(_ open: String, _ close: String) -> [UInt8]? {
        guard let a = range(of: Array(open.utf8)), let b = range(of: Array(close.utf8), from: a.upperBound) else { return nil }
        return Array(self[a.upperBound..<b.lowerBound])
    }
}
