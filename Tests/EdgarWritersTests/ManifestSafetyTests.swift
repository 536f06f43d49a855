import EdgarCore
import EdgarSystem
import Foundation
import Testing

@testable import EdgarWriters

/// The write side never reaches outside OUT: manifests are checked before use, a damaged one is replaced without
/// being followed, a half-done commit is cleaned up by the next one, and staging clean-up never follows a link.
@Suite struct ManifestSafetyTests {
    let root: String
    let layout: OutputLayout

    init() throws {
        root = NSTemporaryDirectory() + "edgar-manifest-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        layout = OutputLayout(root: root + "/out", compression: .none)
    }

    let nov = PartitionKey(isoDate: "2003-11-12", granularity: .month)

    func commit(_ key: String = "k", path: String = "in/k.zip", rows: [String] = ["x\n"], partition: PartitionKey? = nil) throws {
        let writer = try SourceWriter(layout: layout, sourceKey: key, attemptID: "test.1.a")
        for row in rows { try writer.append(TableChunk(bytes: Array(row.utf8), rows: 1), table: .filings, partition: partition ?? nov) }
        try writer.commit(Manifest(source: .init(path: path, size: 1, sha256: ""), filings: rows.count, rows: [:], rejects: [:], skipped: [:]))
    }

    func manifestBytes(files: String, path: String = "in/k.zip") -> [UInt8] {
        Array("""
            {"contract_version":1,"parser_version":"p","source":{"path":"\(path)","size":1,"sha256":""},"filings":1,\
            "rows":{"filings":1},"rejects":{},"skipped":{},"files":[\(files)]}
            """.utf8)
    }

    func file(_ path: String) -> String {
        "{\"path\":\"\(path)\",\"rows\":1,\"bytes\":2,\"sha256\":\"\(String(repeating: "a", count: 64))\"}"
    }

    @Test func theReaderRefusesPathsOutsideTheSourcesLayout() throws {
        let good = try ManifestReader.check(manifestBytes(files: file("filings/year=2003/month=11/part-k-00000.ndjson")), sourceKey: "k")
        #expect(good.files.count == 1)
        #expect(good.sourcePath == "in/k.zip")
        for bad in ["../victim.txt", "/etc/shadow", "filings/year=2003/month=11/part-other-00000.ndjson", "../../../../etc/shadow"] {
            #expect(throws: ManifestReader.Problem.badFilePath(bad)) { try ManifestReader.check(manifestBytes(files: file(bad)), sourceKey: "k") }
        }
        #expect(throws: ManifestReader.Problem.notJSON) { try ManifestReader.check(Array("[1]".utf8), sourceKey: "k") }
        #expect(throws: ManifestReader.Problem.self) { try ManifestReader.check(Array("{\"files\":[]}".utf8), sourceKey: "k") }
    }

    @Test func aDamagedManifestIsReplacedWithoutDeletingWhatItNames() throws {
        let victim = root + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        try commit()
        try FileManager.default.createDirectory(atPath: layout.manifestsFolder, withIntermediateDirectories: true)
        try Data(manifestBytes(files: file("../victim.txt"))).write(to: URL(fileURLWithPath: layout.manifestPath(sourceKey: "k")))
        try commit(rows: ["y\n"])
        #expect(FileManager.default.fileExists(atPath: victim))
        let text = try String(contentsOfFile: layout.manifestPath(sourceKey: "k"), encoding: .utf8)
        #expect(text.contains("part-k-00000.ndjson"))
        #expect(!text.contains("victim"))
    }

    @Test func aManifestOfAnotherInputStopsTheCommit() throws {
        try commit(path: "a/day.zip")
        let before = try Data(contentsOf: URL(fileURLWithPath: layout.manifestPath(sourceKey: "k")))
        #expect(throws: OutputError.self) { try commit(path: "b/day.zip", rows: ["other\n"]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: layout.manifestPath(sourceKey: "k"))) == before)
        #expect(try String(contentsOfFile: layout.root + "/filings/year=2003/month=11/part-k-00000.ndjson", encoding: .utf8) == "x\n")
        // The same input spelled another way is the same input.
        try commit(path: "./a/../a/day.zip", rows: ["again\n"])
    }

    @Test func whatAHalfDoneCommitListedIsRemovedByTheNext() throws {
        // A commit that died after renaming a day-partition file left it and its list in the lock file.
        let orphan = "filings/year=2003/month=11/day=12/part-k-00000.ndjson"
        try FileManager.default.createDirectory(atPath: layout.root + "/filings/year=2003/month=11/day=12", withIntermediateDirectories: true)
        try Data("orphan\n".utf8).write(to: URL(fileURLWithPath: layout.root + "/" + orphan))
        try FileManager.default.createDirectory(atPath: layout.locksFolder, withIntermediateDirectories: true)
        try Data((orphan + "\n../outside.txt\n").utf8).write(to: URL(fileURLWithPath: layout.locksFolder + "/k.lock"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: layout.root + "/../outside.txt"))
        try commit()
        #expect(!FileManager.default.fileExists(atPath: layout.root + "/" + orphan))
        #expect(FileManager.default.fileExists(atPath: layout.root + "/../outside.txt"))
        #expect(!FileManager.default.fileExists(atPath: layout.locksFolder + "/k.lock"))
    }

    /// An OUT written before keys carried a hash: the same input committed under its new key retires its old
    /// manifest and files (or readers would count them twice); another input's old manifest stays.
    @Test func theSameInputUnderItsOldKeyIsRetired() throws {
        try commit("k.zip", path: "in/k.zip", rows: ["old\n"])
        try commit("other.zip", path: "in/other.zip", rows: ["other\n"])
        try commit("in_k.zip", path: "elsewhere/in/k.zip", rows: ["unrelated\n"])
        let key = SourceKey.key(for: "in/k.zip")
        try commit(key, path: "in/k.zip", rows: ["new\n"])
        #expect(!FileManager.default.fileExists(atPath: layout.manifestPath(sourceKey: "k.zip")))
        #expect(!FileManager.default.fileExists(atPath: layout.root + "/filings/year=2003/month=11/part-k.zip-00000.ndjson"))
        #expect(FileManager.default.fileExists(atPath: layout.root + "/filings/year=2003/month=11/part-\(key)-00000.ndjson"))
        #expect(FileManager.default.fileExists(atPath: layout.manifestPath(sourceKey: "other.zip")))
        #expect(FileManager.default.fileExists(atPath: layout.manifestPath(sourceKey: "in_k.zip")))
    }

    @Test func aTableFolderThatIsALinkIsRefusedNotWrittenThrough() throws {
        let elsewhere = root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: layout.root + "/filings", withDestinationPath: elsewhere)
        #expect(throws: SystemError.self) { try commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test func deadStagingIsSweptAndLinksInItAreNotFollowed() throws {
        let victim = root + "/victim"
        try FileManager.default.createDirectory(atPath: victim + "/sub", withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/sub/keep.txt"))
        let staging = layout.stagingFolder
        try FileManager.default.createDirectory(atPath: staging + "/k.host.999999.abc", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: staging + "/k.host.999999.abc/link", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: staging + "/j.host.999998.abc", withDestinationPath: victim + "/sub")
        let directory = OutputDirectory(layout: layout)
        try directory.prepare()
        #expect(FileManager.default.fileExists(atPath: victim + "/sub/keep.txt"))
        #expect(!FileManager.default.fileExists(atPath: staging + "/k.host.999999.abc"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: staging + "/j.host.999998.abc")) == nil)
        // A live attempt's staging (its lock is held) is left alone.
        let other = OutputDirectory(layout: layout)
        try other.prepare()
        try FileManager.default.createDirectory(atPath: staging + "/k." + other.attemptID, withIntermediateDirectories: true)
        let third = OutputDirectory(layout: layout)
        try third.prepare()
        #expect(FileManager.default.fileExists(atPath: staging + "/k." + other.attemptID))
        third.finish()
        other.finish()
        directory.finish()
        #expect(!FileManager.default.fileExists(atPath: staging))
    }
}
