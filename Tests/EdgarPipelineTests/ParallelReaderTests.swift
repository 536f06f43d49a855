import EdgarPipeline
import EdgarSynth
import Foundation
import Testing

/// Several inputs read at once (`--readers`): every source is written on its own, so the tree must not depend on
/// which reader read what, or in which order sources finished.
@Suite struct ParallelReaderTests {
    /// Six inputs of every kind a reader meets: three feeds (one byte-realistic, with large non-ownership
    /// submissions), a damaged feed (cut mid-member), a zip of loose XML and a folder of complete submissions.
    static func inputs() throws -> [String] {
        let folder = OutputTree.temporaryFolder("readers-in")
        var paths: [String] = []
        for (day, count, mix) in [("20031104", 300, FeedMix.standard), ("20031105", 40, .realistic), ("20031106", 150, .standard)] {
            var builder = FeedBuilder(seed: UInt64(day)!, filingDate: day, textRenderer: { TextLayoutRenderer.render($0) })
            let path = folder + "/\(day).nc.tar.gz"
            _ = try builder.writeTarGz(to: path, count: count, mix: mix)
            paths.append(path)
        }
        var damagedBuilder = FeedBuilder(seed: 7, filingDate: "20031107")
        let whole = try damagedBuilder.tarGz(count: 120).bytes
        let damaged = folder + "/20031107.nc.tar.gz"
        try Data(whole.prefix(whole.count * 2 / 3)).write(to: URL(fileURLWithPath: damaged))
        paths.append(damaged)
        let zip = folder + "/loose.zip"
        try ZipFixture.write(to: zip, seed: 8, count: 60)
        paths.append(zip)
        let txt = folder + "/complete"
        try FileManager.default.createDirectory(atPath: txt, withIntermediateDirectories: true)
        var txtBuilder = FeedBuilder(seed: 9, filingDate: "20070817")
        for i in 0..<12 {
            let file = txtBuilder.completeSubmission(form: .form4, pem: i % 2 == 1)
            try Data(file.bytes).write(to: URL(fileURLWithPath: txt + "/" + file.name))
        }
        paths.append(txt)
        return paths
    }

    func run(_ inputs: [String], readers: Int) throws -> (RunReport, [String: [UInt8]]) {
        let out = OutputTree.temporaryFolder("readers-out-\(readers)")
        var options = PipelineOptions(output: out, jobs: 2)
        options.readers = readers
        let report = try Pipeline(options: options).run(inputs: inputs)
        return (report, OutputTree.files(out))
    }

    @Test func anyNumberOfReadersWritesTheSameTree() throws {
        let inputs = try Self.inputs()
        let (serialReport, serial) = try run(inputs, readers: 1)
        // The damaged feed fails, the rest commit: the tree holds both kinds of outcome.
        #expect(serialReport.sources.count == 17)
        #expect(serialReport.sources.filter { $0.status == .committed }.count == 16)
        #expect(serial.keys.contains { $0.hasPrefix("filings/") })
        #expect(serial.keys.contains { $0.hasPrefix("_rejects/") })
        for readers in [2, 8] {
            let (report, tree) = try run(inputs, readers: readers)
            #expect(report.sources.map(\.status) == serialReport.sources.map(\.status), "--readers \(readers)")
            #expect(tree.keys.sorted() == serial.keys.sorted(), "--readers \(readers)")
            for (path, bytes) in serial where tree[path] != bytes {
                Issue.record("--readers \(readers): \(path) differs from --readers 1")
            }
        }
    }
}
