import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTransformers
import EdgarWriters
import Foundation
import Synchronization
import Testing

/// The whole pipeline over generated archives whose truth is known.
@Suite struct PipelineTests {
    let inputs: String
    let feedPath: String
    let truth: FeedTruth

    init() throws {
        inputs = OutputTree.temporaryFolder("inputs")
        feedPath = inputs + "/20031112.nc.tar.gz"
        var builder = FeedBuilder(seed: 42, filingDate: "20031112", textRenderer: { TextLayoutRenderer.render($0) })
        truth = try builder.writeTarGz(to: feedPath, count: 400)
    }

    func run(_ inputs: [String], output: String, jobs: Int, configure: (inout PipelineOptions) -> Void = { _ in })
        throws -> RunReport
    {
        var options = PipelineOptions(output: output, jobs: jobs)
        configure(&options)
        return try Pipeline(options: options).run(inputs: inputs)
    }

    @Test func everyOwnershipMemberBecomesAFilingAndOthersAreCounted() throws {
        let out = OutputTree.temporaryFolder("out")
        let report = try run([feedPath], output: out, jobs: 2)
        #expect(report.allCommitted)
        let ownership = truth.members.filter(\.isOwnership)
        let filings = try OutputTree.rows(out, table: "filings")
        #expect(filings.count == ownership.count)
        #expect(Set(filings.compactMap { $0["accession_number"] as? String }) == Set(ownership.map(\.accession)))
        // Rows per table equal the element counts of the models the archive was made from.
        let docs = ownership.compactMap(\.document)
        #expect(try OutputTree.rows(out, table: "non_derivative_transactions").count == docs.reduce(0) { $0 + $1.nonDerivativeTransactions.count })
        #expect(try OutputTree.rows(out, table: "derivative_holdings").count == docs.reduce(0) { $0 + $1.derivativeHoldings.count })
        #expect(try OutputTree.rows(out, table: "reporting_owners").count == docs.reduce(0) { $0 + $1.reportingOwners.count })
        #expect(try OutputTree.rows(out, table: "footnotes").count == docs.reduce(0) { $0 + $1.footnotes.count })
        // Other forms are skipped and counted per form type, never rejected.
        var expectedSkipped: [String: Int] = [:]
        for member in truth.members where !member.isOwnership { expectedSkipped[member.formType, default: 0] += 1 }
        #expect(report.sources[0].skipped == expectedSkipped)
        #expect(report.rejects == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        // Both layouts arrive.
        #expect(Set(filings.compactMap { $0["layout"] as? String }) == ["xml", "text"])
    }

    @Test func outputIsByteIdenticalForAnyNumberOfWorkers() throws {
        let zipPath = inputs + "/loose.zip"
        try ZipFixture.write(to: zipPath, seed: 3, count: 40)
        var trees: [[String: [UInt8]]] = []
        for jobs in [1, 4] {
            let out = OutputTree.temporaryFolder("jobs\(jobs)")
            _ = try run([feedPath, zipPath], output: out, jobs: jobs)
            trees.append(OutputTree.files(out))
        }
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        for (path, bytes) in trees[0] { #expect(trees[1][path] == bytes, "\(path) differs between --jobs 1 and --jobs 4") }
    }

    @Test func runningTwiceGivesTheSameBytesAndNoDuplicates() throws {
        let out = OutputTree.temporaryFolder("twice")
        _ = try run([feedPath], output: out, jobs: 2)
        let first = OutputTree.files(out)
        _ = try run([feedPath], output: out, jobs: 3)
        let second = OutputTree.files(out)
        #expect(first == second)
        #expect(!second.keys.contains { $0.hasPrefix("_staging/") })
    }

    @Test func aChangedSourceReplacesOnlyItsOwnFiles() throws {
        let other = inputs + "/20031113.nc.tar.gz"
        var builder = FeedBuilder(seed: 7, filingDate: "20031113")
        _ = try builder.writeTarGz(to: other, count: 30)
        let out = OutputTree.temporaryFolder("changed")
        _ = try run([feedPath, other], output: out, jobs: 2)
        let before = OutputTree.files(out)
        var replacement = FeedBuilder(seed: 8, filingDate: "20031113")
        _ = try replacement.writeTarGz(to: other, count: 20)
        _ = try run([other], output: out, jobs: 2)
        let after = OutputTree.files(out)
        for (path, bytes) in before where path.contains("20031112.nc.tar.gz") {
            #expect(after[path] == bytes, "\(path) of the unchanged source was touched")
        }
        let filings = try OutputTree.rows(out, table: "filings").filter {
            (($0["source"] as? [String: Any])?["archive"] as? String) == other
        }
        #expect(filings.count == 20 - (replacementNonOwnership(seed: 8, count: 20)))
    }

    private func replacementNonOwnership(seed: UInt64, count: Int) -> Int {
        var builder = FeedBuilder(seed: seed, filingDate: "20031113")
        let truth = (try? builder.tarGz(count: count).truth)!
        return truth.members.filter { !$0.isOwnership }.count
    }

    @Test func aTruncatedArchiveIsNotCommittedAndTheOthersAre() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: feedPath)))
        let cut = inputs + "/20031114.nc.tar.gz"
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: cut))
        let out = OutputTree.temporaryFolder("truncated")
        let report = try run([feedPath, cut], output: out, jobs: 2)
        let failed = try #require(report.sources.first { $0.path == cut })
        #expect(failed.status == .failedInput)
        #expect(failed.rejects == [.truncatedArchive: 1])
        #expect(report.sources.first { $0.path == feedPath }?.status == .committed)
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_manifests/\(SourceKey.key(for: cut)).json"))
        let rejects = try OutputTree.rows(out, table: "_rejects")
        #expect(rejects.count == 1)
        #expect(rejects.first?["error_code"] as? String == "truncated_archive")
        #expect(rejects.first?["stage"] as? String == "read")
        let files = OutputTree.files(out)
        #expect(!files.keys.contains { $0.contains("part-20031114") && !$0.hasPrefix("_rejects/") })

        // With --on-truncated keep, the members read whole before the cut are committed.
        let kept = OutputTree.temporaryFolder("kept")
        let keptReport = try run([cut], output: kept, jobs: 2) { $0.onTruncated = .keep }
        #expect(keptReport.sources[0].status == .committed)
        #expect(keptReport.sources[0].filings > 0)
        #expect(keptReport.sources[0].rejects[.truncatedArchive] == 1)
    }

    /// The reject of a whole input sits in the unknown partition of the run's `--partition`, like every other
    /// reject without a date, whether the source fails or keeps what it read.
    @Test(arguments: [PartitionGranularity.day, .year, .none], [TruncatedPolicy.skip, .keep])
    func aFailedSourcesRejectFollowsThePartition(granularity: PartitionGranularity, policy: TruncatedPolicy) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: feedPath)))
        let cut = inputs + "/20031115.nc.tar.gz"
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: cut))
        let out = OutputTree.temporaryFolder("truncated-\(granularity)-\(policy)")
        _ = try run([cut], output: out, jobs: 2) {
            $0.granularity = granularity
            $0.onTruncated = policy
        }
        let unknown = PartitionKey.unknown(granularity).path
        let folder = "_rejects/" + (unknown.isEmpty ? "" : unknown + "/")
        // Kept members may have rejects of their own: find the files that hold the source's.
        let holding = try OutputTree.files(out).keys.filter { path in
            guard path.hasPrefix("_rejects/") else { return false }
            let rows = try OutputTree.rows(out, table: String(path[..<path.lastIndex(of: "/")!]))
            return rows.contains { $0["error_code"] as? String == "truncated_archive" }
        }
        #expect(holding == [folder + "part-\(SourceKey.key(for: cut))-00000.ndjson.gz"])
    }
}

/// The progress counts input bytes as they are read, so one big archive shows how far it is (and gets an ETA).
@Suite struct ProgressBytesTests {
    @Test func bytesReadGrowWhileTheOnlyInputIsRead() throws {
        let folder = OutputTree.temporaryFolder("progress")
        var builder = FeedBuilder(seed: 3, filingDate: "20031112")
        _ = try builder.writeTarGz(to: folder + "/20031112.nc.tar.gz", count: 1500)
        let size = try #require((try FileManager.default.attributesOfItem(atPath: folder + "/20031112.nc.tar.gz"))[.size] as? Int)
        let seen = Mutex<[RunProgress]>([])
        var options = PipelineOptions(output: folder + "/out", jobs: 1)
        options.batchSize = 4
        _ = try Pipeline(options: options).run(
            inputs: [folder + "/20031112.nc.tar.gz"], progress: { progress in seen.withLock { $0.append(progress) } })
        let updates = seen.withLock { $0 }
        #expect(updates.allSatisfy { $0.bytesTotal == size })
        #expect(updates.contains { $0.inputsDone == 0 && $0.bytesRead > 0 && $0.bytesRead < size }, "no byte count before the input ended")
        #expect(updates.last?.bytesRead == size)
    }
}
