import EdgarTestSupport
import Foundation

/// What one run of a case produced, in the layout of `expected/`: path relative to OUT → text.
struct CaseRun {
    /// The options every case runs with, before its own `args`: uncompressed parts a human can read and diff.
    static let fixedArguments = ["--compression", "none", "--jobs", "1", "--progress", "never"]

    var files: [String: String]
    var stderr: String

    /// Runs the built `edgar-etl` from the case folder (so input paths, and `source.archive`, are relative) into a
    /// fresh temporary OUT, and reads back what a human checks: the tables, `_rejects` and the exit status.
    init(_ folder: CaseFolder, corpus: URL?) throws {
        let out = NSTemporaryDirectory() + "edgar-case-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let corpusPaths = folder.corpusInputs.map { corpus!.appendingPathComponent($0).path }
        let result = try Binary.run(
            "edgar-etl", ["run"] + folder.localInputs + corpusPaths + ["--output", out] + Self.fixedArguments + folder.arguments,
            in: folder.url.path)
        var files = ["_exit_status": "\(result.status)\n"]
        for (path, data) in FileTree.contents(of: out) where Self.isCompared(path) {
            var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: out, with: "OUT")
            if let corpus { text = text.replacingOccurrences(of: corpus.path, with: "CORPUS") }
            let stable = Self.stablePath(path)
            precondition(files[stable] == nil, "two inputs of \(folder.name) share the part file name \(stable)")
            files[stable] = text
        }
        self.files = files
        self.stderr = result.stderr
    }

    /// Tables and `_rejects`; not the manifests (sizes, hashes and parser version make them noise), `_SUCCESS`
    /// (the exit status says it), nor the lock and staging folders.
    static func isCompared(_ path: String) -> Bool {
        !(path.hasPrefix("_manifests/") || path.hasPrefix("_locks/") || path.hasPrefix("_staging/") || path == "_SUCCESS")
    }

    /// `part-<name>-<12 hex of the absolute input path>-00000.ndjson` loses the hash, which differs per checkout.
    static func stablePath(_ path: String) -> String {
        var components = path.split(separator: "/").map(String.init)
        guard var file = components.popLast(), file.hasPrefix("part-") else { return path }
        if let range = file.range(of: #"-[0-9a-f]{12}-[0-9]{5}\.ndjson"#, options: .regularExpression) {
            let hashEnd = file.index(range.lowerBound, offsetBy: 13)
            file.removeSubrange(range.lowerBound..<hashEnd)
        }
        return (components + [file]).joined(separator: "/")
    }

    /// The files of `expected/` in the same form.
    static func expected(of folder: CaseFolder) -> [String: String] {
        FileTree.contents(of: folder.expected.path).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces `expected/` with what this run produced.
    func record(into folder: CaseFolder) throws {
        try? FileManager.default.removeItem(at: folder.expected)
        for (path, text) in files {
            let url = folder.expected.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}

/// Where `expected` and `actual` differ, as `expected/<file>:<line>` lines a human can go to.
enum CaseDiff {
    static let linesShownPerFile = 5

    static func differences(expected: [String: String], actual: [String: String]) -> [String] {
        var out: [String] = []
        for path in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[path], actual[path]) {
            case (let want?, nil): out.append("expected/\(path): not produced by the run (\(lineCount(want)) lines expected)")
            case (nil, let got?): out.append("expected/\(path): missing, the run produced \(lineCount(got)) lines")
            case (let want?, let got?) where want != got: out += lineDifferences(path, want, got)
            default: break
            }
        }
        return out
    }

    private static func lineDifferences(_ path: String, _ want: String, _ got: String) -> [String] {
        let wanted = want.split(separator: "\n", omittingEmptySubsequences: false)
        let gotten = got.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(wanted.count, gotten.count) {
            let a = index < wanted.count ? String(wanted[index]) : nil
            let b = index < gotten.count ? String(gotten[index]) : nil
            guard a != b else { continue }
            if out.count == linesShownPerFile {
                out.append("expected/\(path): further lines differ")
                break
            }
            out.append("expected/\(path):\(index + 1):" + excerpts(a, b))
        }
        if wanted.count != gotten.count { out.append("expected/\(path): \(lineCount(want)) lines expected, \(lineCount(got)) produced") }
        return out
    }

    /// The two lines around their first differing character (NDJSON rows are long), with its column.
    private static func excerpts(_ want: String?, _ got: String?) -> String {
        guard let want, let got else { return "\n  expected: \(want ?? "(no line)")\n  actual:   \(got ?? "(no line)")" }
        let a = Array(want)
        let b = Array(got)
        var column = 0
        while column < min(a.count, b.count), a[column] == b[column] { column += 1 }
        let start = max(0, column - 40)
        func window(_ line: [Character]) -> String {
            (start > 0 ? "…" : "") + String(line[min(start, line.count)..<min(column + 40, line.count)])
                + (column + 40 < line.count ? "…" : "")
        }
        return " column \(column + 1):\n  expected: \(window(a))\n  actual:   \(window(b))"
    }

    private static func lineCount(_ text: String) -> Int { text.split(separator: "\n").count }
}
