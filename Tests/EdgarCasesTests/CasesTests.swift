import EdgarTestSupport
import Foundation
import Testing

/// Every folder of Tests/Cases run through the built `edgar-etl` and compared with its `expected/`, one test
/// per case. `RECORD=1 swift test --filter Cases` writes `expected/` instead (Tests/Cases/README.md).
@Suite struct CasesTests {
    static let recording = ProcessInfo.processInfo.environment["RECORD"] == "1"
    static let all = CaseFolder.all()

    /// Cases that bring their own inputs.
    static let selfContained = all.filter { $0.corpusInputs.isEmpty }.map(\.name)
    /// Cases that read real filings of ../shared/corpus (listed in their `corpus` file).
    static let overCorpus = all.filter { !$0.corpusInputs.isEmpty }.map(\.name)

    @Test(arguments: selfContained)
    func selfContainedCase(_ name: String) throws {
        try Self.check(CaseFolder.named(name), corpus: Corpus.root)
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)), arguments: overCorpus)
    func corpusCase(_ name: String) throws {
        try Self.check(CaseFolder.named(name), corpus: Corpus.root)
    }

    /// A case folder with nothing to run is a mistake, not a pass.
    @Test func everyCaseHasInputsAndExpectedOutput() {
        #expect(Self.all.count >= 20, "found \(Self.all.count) cases under \(CaseFolder.casesRoot.path)")
        for folder in Self.all {
            #expect(!(folder.localInputs.isEmpty && folder.corpusInputs.isEmpty), "\(folder.name): no input… entry and no corpus file")
            #expect(Self.recording || FileManager.default.fileExists(atPath: folder.expected.path),
                "\(folder.name): no expected/ (record it: RECORD=1 swift test --filter Cases)")
        }
    }

    static func check(_ folder: CaseFolder, corpus: URL?) throws {
        let run = try CaseRun(folder, corpus: corpus)
        let differences = CaseDiff.differences(expected: CaseRun.expected(of: folder), actual: run.files)
        guard !differences.isEmpty else { return }
        // A usage error (64) means the case's args are wrong: show why.
        let usage = run.files["_exit_status"] == "64\n" ? "\nedgar-etl stderr:\n" + run.stderr : ""
        if recording {
            try run.record(into: folder)
            Issue.record(Comment(rawValue: "\(folder.name): recorded expected/ (\(differences.count) differences); review it with "
                + "git diff, then run again without RECORD=1" + usage))
        } else {
            Issue.record(Comment(rawValue: "case \(folder.name) differs from its expected/:\n"
                + differences.joined(separator: "\n") + usage))
        }
    }
}
