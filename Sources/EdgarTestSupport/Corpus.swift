import Foundation

/// Locations tests read from: the shared real corpus beside the checkout, and the package root.
public enum Corpus {
    /// The package root, found from this file's path (Sources/EdgarTestSupport/Corpus.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus`, or `EDGAR_CORPUS` when set; nil when absent (tests then skip with a message).
    public static var root: URL? {
        let candidates = [
            ProcessInfo.processInfo.environment["EDGAR_CORPUS"].map { URL(fileURLWithPath: $0) },
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The message a test prints when it skips for lack of the corpus.
    public static let missingMessage =
        "../shared/corpus is absent (set EDGAR_CORPUS to its path): skipping the tests over real filings"

    /// Files under `corpus/<folder>` with one of the given extensions, sorted by name.
    public static func files(in folder: String, extensions: Set<String>) -> [URL] {
        guard let root else { return [] }
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }.filter { extensions.contains($0.pathExtension) }
    }

    public static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}

/// Splits `bytes` into chunks of `size` (the last one shorter): the core of "same output whatever the chunking".
public func chunks(of bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
    precondition(size > 0)
    return stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
}

/// The chunk sizes every streaming decoder is tested with.
public let standardChunkSizes = [1, 7, 64 * 1024]
