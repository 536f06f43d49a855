import EdgarCompression
import Foundation

/// The NDJSON rows of one part file, plain or multi-member gzip, decoded with Foundation's JSON parser
/// (the report is not on the hot path; exactness matters more than speed here).
enum PartFileLines {
    struct Unreadable: Error { var reason: String }

    static func rows(at path: String, where keep: (ArraySlice<UInt8>) -> Bool = { _ in true }) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(reason: "cannot be read") }
        var bytes = [UInt8](data)
        if path.hasSuffix(".gz") {
            do {
                bytes = try bytes.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip, sizeHint: bytes.count * 8) }
            } catch {
                throw Unreadable(reason: "does not inflate: \(error)")
            }
        }
        var rows: [[String: Any]] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            let line = bytes[start..<i]
            start = i + 1
            guard !line.isEmpty, keep(line) else { continue }
            guard let row = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw Unreadable(reason: "holds a line that is not a JSON object")
            }
            rows.append(row)
        }
        return rows
    }

    /// True when the line's `issues` array is empty. Quotes inside JSON strings are escaped, so the literal
    /// `"issues":[]` can only be the key itself.
    static func hasNoIssues(_ line: ArraySlice<UInt8>) -> Bool {
        line.firstRange(of: emptyIssues) != nil
    }

    private static let emptyIssues = Array(#""issues":[]"#.utf8)
}
