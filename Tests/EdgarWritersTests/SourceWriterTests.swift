import EdgarCompression
import EdgarCore
import EdgarSystem
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarWriters

@Suite struct SourceWriterTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "edgar-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func manifest(sha: String = "abc") -> Manifest {
        Manifest(
            source: .init(path: "in/day.nc.tar.gz", size: 10, sha256: SHA256.hexDigest(of: Array(sha.utf8))), filings: 1,
            rows: [.filings: 1],
            rejects: [:], skipped: ["8-K": 2], files: [])
    }

    func writer(_ key: String = "day.nc.tar.gz", compression: Compression = .gzip) throws -> SourceWriter {
        let layout = OutputLayout(root: root, compression: compression)
        return try SourceWriter(layout: layout, sourceKey: key, attemptID: "test.1.a")
    }

    func gunzip(_ path: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let out = try bytes.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip) }
        return String(decoding: out, as: UTF8.self)
    }

    let nov = PartitionKey(isoDate: "2003-11-12", granularity: .month)
    let dec = PartitionKey(isoDate: "2003-12-01", granularity: .month)

    @Test func commitPublishesFilesAndManifestLast() throws {
        let w = try writer()
        try w.append(TableChunk(bytes: Array("{\"a\":1}\n".utf8), rows: 1), table: .filings, partition: nov)
        try w.append(TableChunk(bytes: Array("{\"a\":2}\n".utf8), rows: 1), table: .filings, partition: nov)
        let final = try w.commit(manifest())
        let part = root + "/filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson.gz"
        #expect(try gunzip(part) == "{\"a\":1}\n{\"a\":2}\n")
        #expect(final.files.count == 1)
        #expect(final.files[0].rows == 2)
        let onDisk = [UInt8](try Data(contentsOf: URL(fileURLWithPath: part)))
        #expect(final.files[0].bytes == onDisk.count)
        #expect(final.files[0].sha256 == SHA256.hexDigest(of: onDisk))
        let manifestText = try String(contentsOfFile: root + "/_manifests/day.nc.tar.gz.json", encoding: .utf8)
        #expect(manifestText.hasPrefix("{\"contract_version\":1,\"parser_version\":"))
        #expect(manifestText.contains("\"skipped\":{\"8-K\":2}"))
        #expect(manifestText.contains("\"path\":\"filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson.gz\""))
        // Staging is gone after a commit.
        #expect(FileManager.default.fileExists(atPath: root + "/_staging/day.nc.tar.gz.test.1.a") == false)
    }

    @Test func rerunReplacesItsFilesAndRemovesOnesItNoLongerProduces() throws {
        let first = try writer()
        try first.append(TableChunk(bytes: Array("x\n".utf8), rows: 1), table: .filings, partition: nov)
        try first.append(TableChunk(bytes: Array("y\n".utf8), rows: 1), table: .footnotes, partition: dec)
        try first.commit(manifest())
        let other = try writer("other.zip")
        try other.append(TableChunk(bytes: Array("o\n".utf8), rows: 1), table: .filings, partition: dec)
        try other.commit(manifest())

        let second = try writer()
        try second.append(TableChunk(bytes: Array("z\n".utf8), rows: 1), table: .filings, partition: nov)
        try second.commit(manifest(sha: "changed"))
        #expect(try gunzip(root + "/filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson.gz") == "z\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/footnotes/year=2003/month=12/part-day.nc.tar.gz-00000.ndjson.gz"))
        // Another source's files are untouched.
        #expect(try gunzip(root + "/filings/year=2003/month=12/part-other.zip-00000.ndjson.gz") == "o\n")
    }

    @Test func abortLeavesEarlierOutputAndNoStaging() throws {
        let first = try writer()
        try first.append(TableChunk(bytes: Array("keep\n".utf8), rows: 1), table: .filings, partition: nov)
        try first.commit(manifest())
        let second = try writer()
        try second.append(TableChunk(bytes: Array("new\n".utf8), rows: 1), table: .filings, partition: nov)
        second.abort()
        #expect(try gunzip(root + "/filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson.gz") == "keep\n")
        #expect(FileManager.default.fileExists(atPath: root + "/_staging/day.nc.tar.gz.test.1.a") == false)
    }

    @Test func failurePublishesOnlyTheRejectAndASuccessfulRerunRemovesIt() throws {
        let failed = try writer()
        try failed.publishFailure(TableChunk(bytes: Array("{\"error_code\":\"truncated_archive\"}\n".utf8), rows: 1), partition: .unknown(.month))
        let rejectPath = root + "/_rejects/year=unknown/month=unknown/part-day.nc.tar.gz-00000.ndjson.gz"
        #expect(try gunzip(rejectPath).contains("truncated_archive"))
        #expect(!FileManager.default.fileExists(atPath: root + "/_manifests/day.nc.tar.gz.json"))

        let fixed = try writer()
        try fixed.append(TableChunk(bytes: Array("ok\n".utf8), rows: 1), table: .filings, partition: nov)
        try fixed.commit(manifest())
        #expect(!FileManager.default.fileExists(atPath: rejectPath))
    }

    /// A failure published under any `--partition` explains an attempt that a later successful commit replaces,
    /// whatever partition that commit uses.
    @Test(arguments: [PartitionGranularity.day, .year, .none])
    func aSuccessfulRerunRemovesAFailureOfAnyPartition(_ granularity: PartitionGranularity) throws {
        let failed = try writer()
        try failed.publishFailure(
            TableChunk(bytes: Array("{\"error_code\":\"truncated_archive\"}\n".utf8), rows: 1), partition: .unknown(granularity))
        let unknown = PartitionKey.unknown(granularity).path
        let rejectPath = root + "/_rejects/" + (unknown.isEmpty ? "" : unknown + "/") + "part-day.nc.tar.gz-00000.ndjson.gz"
        #expect(try gunzip(rejectPath).contains("truncated_archive"))

        let fixed = try writer()
        try fixed.append(TableChunk(bytes: Array("ok\n".utf8), rows: 1), table: .filings, partition: nov)
        try fixed.commit(manifest())
        #expect(!FileManager.default.fileExists(atPath: rejectPath))
    }

    @Test func uncompressedPartsAndSameBytesTwice() throws {
        var shas: [String] = []
        for _ in 0..<2 {
            let w = try writer(compression: .none)
            try w.append(TableChunk(bytes: Array(repeating: UInt8(ascii: "a"), count: 3 << 20) + [10], rows: 1), table: .filings, partition: nov)
            shas.append(try w.commit(manifest()).files[0].sha256)
        }
        #expect(shas[0] == shas[1])
        let path = root + "/filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson"
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == (3 << 20) + 1)
    }

    /// Parts are written in 1 MiB slices, each its own gzip member: a big part is a multi-member gzip file that
    /// gzip itself reads back whole, and equal rows give equal bytes.
    @Test func largePartsAreMultiMemberGzipThatGzipReads() throws {
        var rows: [UInt8] = []
        for i in 0..<40_000 { rows += Array("{\"n\":\(i),\"text\":\"row \(i * 7919 % 100_003) of a large part\"}\n".utf8) }
        var shas: [String] = []
        let part = root + "/filings/year=2003/month=11/part-day.nc.tar.gz-00000.ndjson.gz"
        for _ in 0..<2 {
            let w = try writer()
            for start in stride(from: 0, to: rows.count, by: 100_000) {
                let end = min(start + 100_000, rows.count)
                try w.append(TableChunk(bytes: Array(rows[start..<end]), rows: 1), table: .filings, partition: nov)
            }
            shas.append(try w.commit(manifest()).files[0].sha256)
        }
        #expect(shas[0] == shas[1])
        let onDisk = [UInt8](try Data(contentsOf: URL(fileURLWithPath: part)))
        let memberHeader: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]
        let members = (0..<(onDisk.count - memberHeader.count)).filter { at in
            onDisk[at] == 0x1f && Array(onDisk[at..<(at + memberHeader.count)]) == memberHeader
        }.count
        #expect(members >= 2, "\(rows.count) bytes of rows in \(members) member(s)")

        let gzip = try GzipTool.decompress(part)
        #expect(gzip.status == 0)
        #expect(gzip.bytes == rows)
    }

    /// A source with many partitions holds no file open between slices: 400 part files, 0 descriptors.
    @Test func partFilesAreNotHeldOpen() throws {
        let w = try writer()
        for day in 0..<400 {
            let (month, dayOfMonth) = (day / 28 % 12 + 1, day % 28 + 1)
            let date = "2003-" + (month < 10 ? "0" : "") + "\(month)-" + (dayOfMonth < 10 ? "0" : "") + "\(dayOfMonth)"
            let partition = PartitionKey(isoDate: date, granularity: .day)
            try w.append(TableChunk(bytes: Array("{\"d\":\(day)}\n".utf8), rows: 1), table: .filings, partition: partition)
            try w.append(TableChunk(bytes: Array("{\"d\":\(day)}\n".utf8), rows: 1), table: .footnotes, partition: partition)
        }
        let openInOut = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap { fd in
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)
        }.filter { $0.hasPrefix(root) }
        #expect(openInOut.isEmpty, "\(openInOut.count) files under OUT held open")
        let final = try w.commit(manifest())
        #expect(final.files.count == 2 * 336)  // 12 months x 28 days, for two tables
        #expect(try gunzip(root + "/footnotes/year=2003/month=01/day=01/part-day.nc.tar.gz-00000.ndjson.gz") == "{\"d\":0}\n{\"d\":336}\n")
    }

    @Test func unwritableOutputIsATypedError() throws {
        let layout = OutputLayout(root: "/proc/edgar-etl-cannot-write", compression: .gzip)
        #expect(throws: SystemError.self) {
            _ = try SourceWriter(layout: layout, sourceKey: "x", attemptID: "t.1.a")
        }
    }
}

@Suite struct OutputLayoutTests {
    /// Before: `a/day.zip` and `b/day.zip` in two runs, or `甲.txt`, `乙.txt`, `丙.txt` in one, shared a key.
    @Test func sourceKeysAreTheFileNameAndAHashOfTheAbsolutePath() {
        let keys = SourceKey.keys(for: ["/feed/20031112.nc.tar.gz", "/x.zip"])
        #expect(keys[0] == "20031112.nc.tar.gz-" + SHA256.hexDigest(of: Array("/feed/20031112.nc.tar.gz".utf8)).prefix(12))
        #expect(keys[1].hasPrefix("x.zip-") && keys[1].count == "x.zip-".count + 12)
        #expect(SourceKey.key(for: "a/day.zip") != SourceKey.key(for: "b/day.zip"))
        let cjk = SourceKey.keys(for: ["甲.txt", "乙.txt", "丙.txt"])
        #expect(Set(cjk).count == 3)
        #expect(cjk.allSatisfy { $0.hasPrefix("_.txt-") })
        let forms = SourceKey.keys(for: (0..<1000).map { "feed/\($0)/form4.xml" })
        #expect(Set(forms).count == 1000)
        // One input, however it is spelled, keeps its key.
        let folder = SourceKey.currentDirectory()
        let same = ["in/day.zip", "./in/day.zip", "in//x/../day.zip", folder + "/in/day.zip"].map(SourceKey.key(for:))
        #expect(Set(same).count == 1)
        #expect(SourceKey.sameInput("in/day.zip", folder + "/in/./day.zip"))
        #expect(!SourceKey.sameInput("a/day.zip", "b/day.zip"))
        #expect(SourceKey.key(for: "../../we ird/.na me?.xml").hasPrefix("na_me_.xml-"))
        #expect(SourceKey.absoluteNormalisedPath("../../x", in: "/a") == "/x")
    }

    @Test func partPathsOfAManifestAreCheckedAgainstTheLayout() {
        for good in ["filings/year=2003/month=11/part-k-00000.ndjson.gz", "signatures/part-k-00012.ndjson",
                     "_rejects/year=unknown/month=unknown/part-k-00000.ndjson.gz",
                     "footnotes/year=2003/month=01/day=05/part-k-00000.ndjson.gz"] {
            #expect(OutputLayout.isPartPath(good, sourceKey: "k"), "\(good)")
        }
        for bad in ["../victim.txt", "/etc/shadow", "filings/../../x/part-k-00000.ndjson.gz", "filings/part-other-00000.ndjson.gz",
                    "filings/year=2003/month=11/part-k-0000.ndjson.gz", "nope/part-k-00000.ndjson.gz",
                    "filings/year=2003/month=11/../part-k-00000.ndjson.gz", "filings//part-k-00000.ndjson.gz",
                    "filings/month=11/part-k-00000.ndjson.gz", "_manifests/k.json", "filings/part-k-00000.ndjson.gz/x", ""] {
            #expect(!OutputLayout.isPartPath(bad, sourceKey: "k"), "\(bad)")
        }
    }

    @Test func partPathsFollowTheContract() {
        let layout = OutputLayout(root: "out/", compression: .gzip)
        #expect(
            layout.partPath(table: .rejects, partition: .unknown(.month), sourceKey: "k")
                == "_rejects/year=unknown/month=unknown/part-k-00000.ndjson.gz")
        #expect(
            layout.partPath(table: .filings, partition: PartitionKey(isoDate: "2003-01-05", granularity: .day), sourceKey: "k")
                == "filings/year=2003/month=01/day=05/part-k-00000.ndjson.gz")
        #expect(layout.partPath(table: .signatures, partition: .unknown(.none), sourceKey: "k") == "signatures/part-k-00000.ndjson.gz")
        #expect(layout.manifestPath(sourceKey: "k") == "out/_manifests/k.json")
    }
}
