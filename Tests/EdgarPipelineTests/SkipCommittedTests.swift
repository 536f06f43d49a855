import EdgarCore
import EdgarPipeline
import EdgarSynth
import Foundation
import Testing

/// A nightly run over a folder of every day so far: inputs committed from the same bytes are hashed, not read.
@Suite struct SkipCommittedTests {
    let inputs: String
    let feeds: [String]

    init() throws {
        inputs = OutputTree.temporaryFolder("skip-inputs")
        var paths: [String] = []
        for (i, day) in ["20031110", "20031111", "20031112", "20031113"].enumerated() {
            let path = inputs + "/\(day).nc.tar.gz"
            var builder = FeedBuilder(seed: UInt64(40 + i), filingDate: day)
            _ = try builder.writeTarGz(to: path, count: 30 + 10 * i)
            paths.append(path)
        }
        let zip = inputs + "/loose.zip"
        try ZipFixture.write(to: zip, seed: 4, count: 12)
        feeds = paths + [zip]
    }

    func run(_ output: String, _ configure: (inout PipelineOptions) -> Void = { _ in }) throws -> RunReport {
        var options = PipelineOptions(output: output, jobs: 2)
        configure(&options)
        return try Pipeline(options: options).run(inputs: feeds)
    }

    func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

    func inode(_ path: String) -> UInt64? { (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64) ?? nil }

    @Test func aReRunOverACommittedFolderReadsNothingAndChangesNoByte() throws {
        let out = OutputTree.temporaryFolder("skip-rerun")
        let first = try run(out)
        #expect(first.alreadyCommitted == 0)
        #expect(first.bytesStreamed == feeds.reduce(0) { $0 + size($1) })
        let before = OutputTree.files(out)
        let inodes = before.keys.map { (path: $0, inode: inode(out + "/" + $0)) }

        let second = try run(out)
        #expect(second.alreadyCommitted == feeds.count)
        #expect(second.bytesStreamed == 0, "a committed input was inflated again")
        #expect(second.allCommitted)
        #expect(second.sources.allSatisfy { $0.alreadyCommitted && $0.status == .committed })
        // The summary's counts are the manifests': the same as the run that wrote them.
        #expect(second.filings == first.filings)
        #expect(second.total(\.rows) == first.total(\.rows))
        #expect(second.total(\.skipped) == first.total(\.skipped))
        #expect(OutputTree.files(out) == before)
        for (path, number) in inodes where path != "_SUCCESS" {
            #expect(inode(out + "/" + path) == number, "\(path) was rewritten")
        }
    }

    @Test func aChangedInputIsProcessedAgain() throws {
        let out = OutputTree.temporaryFolder("skip-changed")
        _ = try run(out)
        var replacement = FeedBuilder(seed: 99, filingDate: "20031111")
        let truth = try replacement.writeTarGz(to: feeds[1], count: 17)
        let report = try run(out)
        #expect(report.alreadyCommitted == feeds.count - 1)
        let changed = try #require(report.sources.first { $0.path == feeds[1] })
        #expect(!changed.alreadyCommitted && changed.status == .committed)
        #expect(changed.filings == truth.ownershipCount)
        #expect(report.bytesStreamed == size(feeds[1]))
        // The same tree as a fresh run over the inputs as they are now.
        let fresh = OutputTree.temporaryFolder("skip-changed-fresh")
        _ = try run(fresh)
        #expect(OutputTree.files(out) == OutputTree.files(fresh))
    }

    @Test func forceProcessesEveryInputAgain() throws {
        let out = OutputTree.temporaryFolder("skip-force")
        _ = try run(out)
        let before = OutputTree.files(out)
        let report = try run(out) { $0.force = true }
        #expect(report.alreadyCommitted == 0)
        #expect(report.bytesStreamed == feeds.reduce(0) { $0 + size($1) })
        #expect(OutputTree.files(out) == before)
    }

    @Test func aDeletedOrAlteredPartFileMakesItsSourceProcessAgain() throws {
        let out = OutputTree.temporaryFolder("skip-deleted")
        _ = try run(out)
        let before = OutputTree.files(out)
        let key = try #require(try run(out).sources.first { $0.path == feeds[2] }?.key)
        let parts = before.keys.filter { $0.contains("/part-" + key + "-") }.sorted()
        let deleted = try #require(parts.first { $0.hasPrefix("filings/") })
        try FileManager.default.removeItem(atPath: out + "/" + deleted)
        let altered = try #require(parts.first { $0.hasPrefix("reporting_owners/") })
        var bytes = try #require(before[altered])
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + altered))

        let report = try run(out)
        #expect(report.alreadyCommitted == feeds.count - 1)
        #expect(report.sources.first { $0.path == feeds[2] }?.alreadyCommitted == false)
        #expect(OutputTree.files(out) == before)

        // Only the altered file this time: the same.
        try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + altered))
        #expect(try run(out).alreadyCommitted == feeds.count - 1)
        #expect(OutputTree.files(out) == before)
    }

    @Test func anotherPartitioningCompressionOrLevelIsNotSkipped() throws {
        let out = OutputTree.temporaryFolder("skip-layout")
        _ = try run(out)
        let byDay = try run(out) { $0.granularity = .day }
        #expect(byDay.alreadyCommitted == 0)
        #expect(try run(out) { $0.granularity = .day }.alreadyCommitted == feeds.count)
        #expect(try run(out) { $0.granularity = .day; $0.compression = .none }.alreadyCommitted == 0)
        // The compression level shows in each gzip header (XFL): 1 and 9 are told apart.
        #expect(try run(out) { $0.granularity = .day; $0.compressionLevel = 9 }.alreadyCommitted == 0)
        #expect(try run(out) { $0.granularity = .day; $0.compressionLevel = 9 }.alreadyCommitted == feeds.count)
    }
}
