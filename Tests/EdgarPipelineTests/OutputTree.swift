import EdgarCompression
import Foundation

/// Test helpers over an output folder: its files with their bytes, and the rows of a table.
enum OutputTree {
    /// Every file under `root` (relative path → bytes), staging excluded.
    static func files(_ root: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return out
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.path.dropFirst(base.path.count + 1))
            out[relative] = [UInt8]((try? Data(contentsOf: url)) ?? Data())
        }
        return out
    }

    /// The decoded rows of one table folder (`filings`, `_rejects`, …), in file-name then line order.
    static func rows(_ root: String, table: String) throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for (path, bytes) in files(root).sorted(by: { $0.key < $1.key }) where path.hasPrefix(table + "/") {
            let plain = path.hasSuffix(".gz") ? try bytes.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip) } : bytes
            for line in plain.split(separator: 0x0a) {
                rows.append(try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any])
            }
        }
        return rows
    }

    static func temporaryFolder(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "edgar-\(label)-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
