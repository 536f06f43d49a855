import EdgarCore
import EdgarSystem
import Foundation
import SystemPackage

/// Reads `_manifests/<source-key>.json` as untrusted input. Nothing a manifest says is used before it passed
/// every check: a regular file (not a link, FIFO or device), at most `sizeLimit` bytes, the schema of the
/// contract, and every `files[].path` a part file of this very source in the contract's layout
/// (`OutputLayout.isPartPath`). A manifest that fails is a damaged source: never deleted through, never hashed
/// through; the source is then not committed, and a re-run replaces it.
public enum ManifestReader {
    /// Far above any real manifest (one with 30,000 day partitions is ~6 MB), far below memory trouble.
    public static let sizeLimit = 32 << 20

    /// What the checks keep of a manifest.
    public struct Checked: Sendable, Equatable {
        public var sourcePath: String
        public var files: [Manifest.FileInfo]
        /// The bytes read, to tell whether a new manifest changes anything.
        public var bytes: [UInt8] = []
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notRegularFile
        case tooLarge(Int)
        case unreadable(Errno)
        case notJSON
        case badField(String)
        case badFilePath(String)

        public var description: String {
            switch self {
            case .notRegularFile: "not a regular file"
            case .tooLarge(let size): "larger than \(ManifestReader.sizeLimit) bytes (\(size))"
            case .unreadable(let errno): "cannot be read: \(errno)"
            case .notJSON: "not a JSON object"
            case .badField(let field): "missing or wrong field \(field)"
            case .badFilePath(let path): "names a file that is not one of its source's part files: \(path)"
            }
        }
    }

    public enum Outcome: Sendable, Equatable {
        case absent
        case valid(Checked)
        case damaged(Problem)
    }

    /// Reads and checks the manifest of `sourceKey` in the open `_manifests` folder.
    static func read(sourceKey: String, in manifests: FileDescriptor) -> Outcome {
        switch FileSystem.readRegularFile(sourceKey + ".json", in: manifests, cap: sizeLimit) {
        case .failure(.missing): return .absent
        case .failure(.notRegular): return .damaged(.notRegularFile)
        case .failure(.tooLarge(let size)): return .damaged(.tooLarge(size))
        case .failure(.unreadable(let code)): return .damaged(.unreadable(code))
        case .success(let bytes):
            do {
                var checked = try check(bytes, sourceKey: sourceKey)
                checked.bytes = bytes
                return .valid(checked)
            } catch {
                return .damaged(error)
            }
        }
    }

    /// The checks on the bytes of a manifest (public for the fuzz target).
    public static func check(_ bytes: [UInt8], sourceKey: String) throws(Problem) -> Checked {
        guard bytes.count <= sizeLimit else { throw .tooLarge(bytes.count) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw .notJSON
        }
        guard count(object["contract_version"]) != nil else { throw .badField("contract_version") }
        guard object["parser_version"] is String else { throw .badField("parser_version") }
        guard let source = object["source"] as? [String: Any], let path = source["path"] as? String, !path.isEmpty,
            count(source["size"]) != nil, isDigest(source["sha256"], allowEmpty: true)
        else { throw .badField("source") }
        guard count(object["filings"]) != nil else { throw .badField("filings") }
        for field in ["rows", "rejects", "skipped"] {
            guard let counts = object[field] as? [String: Any], counts.values.allSatisfy({ count($0) != nil }) else {
                throw .badField(field)
            }
        }
        guard let list = object["files"] as? [Any] else { throw .badField("files") }
        var files: [Manifest.FileInfo] = []
        var seen: Set<String> = []
        for entry in list {
            guard let file = entry as? [String: Any], let filePath = file["path"] as? String,
                let rows = count(file["rows"]), let bytes = count(file["bytes"]), isDigest(file["sha256"], allowEmpty: false)
            else { throw .badField("files") }
            guard OutputLayout.isPartPath(filePath, sourceKey: sourceKey), seen.insert(filePath).inserted else {
                throw .badFilePath(filePath)
            }
            files.append(.init(path: filePath, rows: rows, bytes: bytes, sha256: file["sha256"] as! String))
        }
        return Checked(sourcePath: path, files: files)
    }

    /// A whole number from 0 up (JSONSerialization gives NSNumber; fractions and huge values are refused).
    private static func count(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double >= 0, double <= 9_007_199_254_740_992, double == double.rounded(.towardZero) else { return nil }
        return number.intValue
    }

    private static func isDigest(_ value: Any?, allowEmpty: Bool) -> Bool {
        guard let text = value as? String else { return false }
        if text.isEmpty { return allowEmpty }
        return text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
