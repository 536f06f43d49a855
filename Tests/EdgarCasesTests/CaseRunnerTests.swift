import EdgarTestSupport
import Foundation
import Testing

/// The runner itself: `args` splitting, the stable part-file names, and a changed expected byte turning a case red.
@Suite struct CaseRunnerTests {
    @Test func argsLinesSplitLikeAShell() {
        #expect(CaseFolder.words("--max-xml-depth 8") == ["--max-xml-depth", "8"])
        #expect(CaseFolder.words("  --forms '4 5'\t--recover-xml ") == ["--forms", "4 5", "--recover-xml"])
        #expect(CaseFolder.words("--name \"a b\"c ''") == ["--name", "a bc", ""])
    }

    @Test func partFilesLoseTheHashOfTheInputPath() {
        #expect(CaseRun.stablePath("filings/year=2020/month=10/part-input.xml-0123456789ab-00000.ndjson")
            == "filings/year=2020/month=10/part-input.xml-00000.ndjson")
        #expect(CaseRun.stablePath("_rejects/year=unknown/month=unknown/part-a-b.zip-fedcba987654-00002.ndjson")
            == "_rejects/year=unknown/month=unknown/part-a-b.zip-00002.ndjson")
        #expect(CaseRun.stablePath("_exit_status") == "_exit_status")
    }

    /// A copy of a real case with one byte of its expected rows changed fails, naming the file, line and column.
    @Test func oneChangedExpectedByteIsReported() throws {
        let source = CaseFolder.named("xml-rejects/unclosed-tag")
        let copy = URL(fileURLWithPath: NSTemporaryDirectory() + "edgar-case-copy-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: source.url, to: copy)
        let folder = CaseFolder(name: "copy", url: copy)
        let run = try CaseRun(folder, corpus: nil)
        #expect(CaseDiff.differences(expected: CaseRun.expected(of: folder), actual: run.files).isEmpty)

        let rejects = "_rejects/year=unknown/month=unknown/part-input.xml-00000.ndjson"
        let file = folder.expected.appendingPathComponent(rejects)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "line 5:", with: "line 6:").utf8).write(to: file)
        let differences = CaseDiff.differences(expected: CaseRun.expected(of: folder), actual: run.files)
        #expect(differences.count == 1)
        #expect(differences.first?.hasPrefix("expected/\(rejects):1: column ") == true, "\(differences)")
        #expect(differences.first?.contains("\"line 6: Opening") == true)

        try FileManager.default.removeItem(at: file)
        #expect(CaseDiff.differences(expected: CaseRun.expected(of: folder), actual: run.files)
            == ["expected/\(rejects): missing, the run produced 1 lines"])
    }
}
