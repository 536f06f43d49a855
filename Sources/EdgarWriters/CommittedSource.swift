import EdgarCore
import EdgarSystem
import Foundation
import SystemPackage

/// Whether an input is already committed in OUT exactly as it is now, so a nightly run over a folder of every
/// day so far can skip it without inflating it: its manifest (checked by `ManifestReader`) names this input,
/// records its size and SHA-256, and every file it lists is in place with its size and SHA-256. Anything else
/// (no manifest, a damaged one, a changed input, a missing or altered part file) means: process it again.
public enum CommittedSource {
    /// What the manifest says the input produced, for the run's summary.
    public struct Counts: Sendable, Equatable {
        public var bytes: Int
        public var filings: Int
        public var rows: [Table: Int]
        public var rejects: [RejectCode: Int]
        public var skipped: [String: Int]
    }

    /// The counts of `path`'s manifest when the input and its files are unchanged, else nil. Reads the input
    /// once to hash it (cheap beside inflating it) and hashes the part files, which are smaller.
    /// A manifest written by another parser version, or files in another compression or partitioning than this
    /// run asks for, is not "unchanged" either: the run would write different files.
    public static func unchanged(
        path: String, key: String, output: String, compression: Compression, compressionLevel: Int32,
        granularity: PartitionGranularity
    ) -> Counts? {
        guard let root = try? FileSystem.openRoot(output, create: false) else { return nil }
        defer { FileSystem.release(root) }
        guard let manifests = try? FileSystem.openDirectory(OutputLayout.manifestsName, in: root, create: false, label: OutputLayout.manifestsName)
        else { return nil }
        defer { FileSystem.release(manifests) }
        guard case .valid(let checked) = ManifestReader.read(sourceKey: key, in: manifests),
            SourceKey.sameInput(checked.sourcePath, path),
            let object = (try? JSONSerialization.jsonObject(with: Data(checked.bytes))) as? [String: Any],
            let source = object["source"] as? [String: Any], let size = source["size"] as? Int,
            let digest = source["sha256"] as? String, !digest.isEmpty,
            object["parser_version"] as? String == Versions.parser,
            checked.files.allSatisfy({ isLaidOut($0.path, compression: compression, granularity: granularity) })
        else { return nil }
        // The cheap test first: a file whose size changed has changed.
        guard let input = try? FileSystem.status(path).get(), input.type == .regular, input.size == size else { return nil }
        for file in checked.files {
            guard case .success(let actual) = FileSystem.sizeAndDigest(relative: file.path, in: root),
                actual.size == file.bytes, actual.sha256 == file.sha256
            else { return nil }
            if compression == .gzip, file.bytes > 0, extraFlags(of: file.path, in: root) != expectedExtraFlags(compressionLevel) {
                return nil
            }
        }
        guard let input = FileSystem.sizeAndDigest(path), input.size == size, input.sha256 == digest else { return nil }
        func counts(_ field: String) -> [String: Int] { object[field] as? [String: Int] ?? [:] }
        return Counts(
            bytes: size, filings: object["filings"] as? Int ?? 0,
            rows: Dictionary(uniqueKeysWithValues: counts("rows").compactMap { k, v in Table(rawValue: k).map { ($0, v) } }),
            rejects: Dictionary(uniqueKeysWithValues: counts("rejects").compactMap { k, v in RejectCode(rawValue: k).map { ($0, v) } }),
            skipped: counts("skipped"))
    }

    /// The file's extension is the compression's and its partition folders are the granularity's (`_rejects`
    /// of a whole input sit in the unknown partition, so only the extension is checked there).
    private static func isLaidOut(_ path: String, compression: Compression, granularity: PartitionGranularity) -> Bool {
        guard path.hasSuffix(compression.fileExtension) else { return false }
        let parts = path.split(separator: "/")
        if parts.first == "_rejects" { return true }
        let names = parts.dropFirst().dropLast().map { $0.split(separator: "=").first.map(String.init) ?? "" }
        switch granularity {
        case .day: return names == ["year", "month", "day"]
        case .month: return names == ["year", "month"]
        case .year: return names == ["year"]
        case .none: return names.isEmpty
        }
    }

    /// The manifest does not record the compression level, but libdeflate writes it into each gzip header's XFL
    /// byte in three bands (RFC 1952: 4 fastest, 2 slowest, 0 between): a re-run that moves to another band
    /// would write other bytes, so it is not skipped. A move within levels 2 to 7 needs `--force`.
    private static func expectedExtraFlags(_ level: Int32) -> UInt8 { level < 2 ? 4 : level >= 8 ? 2 : 0 }

    /// Read below OUT like every other file there: never through a link, never blocking on a FIFO.
    private static func extraFlags(of path: String, in root: FileDescriptor) -> UInt8? {
        guard case .success(let (fd, _)) = FileSystem.openRegularFile(relative: path, in: root) else { return nil }
        defer { FileSystem.release(fd) }
        guard let header = try? FileSystem.bytes(count: 10, at: 0, from: fd), header.count == 10, header[0] == 0x1f else {
            return nil
        }
        return header[8]
    }
}
