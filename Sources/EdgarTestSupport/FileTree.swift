import Foundation

/// The regular files below a folder, for tests that compare whole output trees byte for byte.
public enum FileTree {
    /// Path relative to `root` → content, for every regular file below it (links followed as FileManager does).
    public static func contents(of root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return out }
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return out
    }
}
