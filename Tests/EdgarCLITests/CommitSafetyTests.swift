import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// Issue 11 on the built binary: unique source keys, atomic per-source commits (injected rename failures,
/// kill -9 at a rename, two runs of one input at once), nothing outside OUT touched (planted links, hostile
/// manifests), `_SUCCESS` and the exit statuses of the write side.
@Suite(.serialized) struct CommitSafetyTests {
    struct Fixture {
        let folder: String
        /// A daily feed of 40 filings, copied as `a/day.tar.gz` and `b/day.tar.gz` (different filings each).
        let feedA: String
        let feedB: String
    }

    static let fixture: Fixture = {
        do { return try makeFixture() } catch { fatalError("cannot build the commit-safety inputs: \(error)") }
    }()

    static func makeFixture() throws -> Fixture {
        let folder = NSTemporaryDirectory() + "edgar-commit-" + UUID().uuidString
        for sub in ["a", "b"] { try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true) }
        var a = FeedBuilder(seed: 1101, filingDate: "20031103")
        _ = try a.writeTarGz(to: folder + "/a/day.tar.gz", count: 40)
        var b = FeedBuilder(seed: 1102, filingDate: "20031104")
        _ = try b.writeTarGz(to: folder + "/b/day.tar.gz", count: 30)
        return Fixture(folder: folder, feedA: folder + "/a/day.tar.gz", feedB: folder + "/b/day.tar.gz")
    }

    var folder: String { Self.fixture.folder }

    func fresh(_ name: String) -> String {
        let path = folder + "/" + name + "-" + UUID().uuidString.prefix(8)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(_ root: String) -> [String: Data] { FileTree.contents(of: root) }

    /// Every manifest of OUT, parsed.
    static func manifests(_ root: String) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for (path, bytes) in files(root) where path.hasPrefix("_manifests/") && path.hasSuffix(".json") {
            out[path] = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        }
        return out
    }

    /// The part files under OUT, and the ones the manifests list: equal when nothing is orphaned.
    static func partsAndListed(_ root: String) -> (parts: Set<String>, listed: Set<String>) {
        let parts = Set(files(root).keys.filter { $0.contains("/part-") && !$0.hasPrefix("_staging/") && !$0.hasPrefix("_rejects/year=unknown") })
        let listed = Set(manifests(root).values.flatMap { ($0["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } })
        return (parts, listed)
    }

    static func filingCount(_ root: String) -> Int {
        manifests(root).values.reduce(0) { $0 + (($1["filings"] as? Int) ?? 0) }
    }

    /// strace, for injected rename failures and a SIGKILL at a chosen rename; nil (and the test skips, saying
    /// why) only when it cannot trace here.
    static let strace: String? = {
        for path in ["/usr/bin/strace", "/bin/strace"] where FileManager.default.isExecutableFile(atPath: path) {
            if let probe = try? Binary.run(path, ["-f", "-o", "/dev/null", "/bin/true"]), probe.status == 0 { return path }
        }
        return nil
    }()

    func edgar(_ arguments: [String], in directory: String? = nil, inject: String? = nil) throws -> BinaryRun {
        let binary = Binary.productsDirectory.appendingPathComponent("edgar-etl").path
        guard let inject else { return try Binary.run(binary, arguments, in: directory) }
        return try Binary.run(Self.strace!, ["-f", "-o", "/dev/null", "-e", "inject=\(inject)", binary] + arguments, in: directory)
    }

    // MARK: Item 1: keys

    @Test func sameFileNameInTwoFoldersAcrossRunsKeepsBoth() throws {
        let out = fresh("across")
        let first = try edgar(["run", Self.fixture.feedA, "--output", out])
        #expect(first.status == 0, "\(first.stderr)")
        let afterFirst = Self.filingCount(out)
        let second = try edgar(["run", Self.fixture.feedB, "--output", out])
        #expect(second.status == 0, "\(second.stderr)")
        // Before: both exited 0 and the second replaced the first (one manifest `day.tar.gz.json`).
        #expect(Self.manifests(out).count == 2)
        #expect(Self.filingCount(out) > afterFirst)
        let (parts, listed) = Self.partsAndListed(out)
        #expect(parts == listed)
        #expect(Self.manifests(out).keys.allSatisfy { $0.hasPrefix("_manifests/day.tar.gz-") })
        // The same path again (spelled differently) replaces exactly its own files.
        let before = Self.files(out)
        let again = try edgar(["run", "a/../a/./day.tar.gz", "--output", out], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let after = Self.files(out)
        #expect(after.keys.filter { !$0.hasPrefix("_SUCCESS") }.sorted() == before.keys.filter { !$0.hasPrefix("_SUCCESS") }.sorted())
    }

    @Test func nonLatinNamesInOneRunEachKeepTheirFiling() throws {
        let inputs = fresh("cjk")
        var builder = FeedBuilder(seed: 77, filingDate: "20031105")
        var members: [[UInt8]] = []
        _ = builder.generate(count: 12, mix: .standard) { _, bytes in members.append(bytes) }
        // Three ownership submissions (the generator's first members of form 4), as 甲.txt, 乙.txt and 丙.txt.
        let owned = members.filter { String(decoding: $0.prefix(4000), as: UTF8.self).contains("<TYPE>4\n") }.prefix(3)
        #expect(owned.count == 3)
        for (name, bytes) in zip(["甲.txt", "乙.txt", "丙.txt"], owned) {
            try Data(bytes).write(to: URL(fileURLWithPath: inputs + "/" + name))
        }
        let out = fresh("cjk-out")
        let run = try edgar(["run", inputs, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        // Before: all three became key `_.txt`; the run reported 3 filings and 1 was on disk.
        #expect(Self.manifests(out).count == 3)
        #expect(Self.filingCount(out) == 3)
        let filingRows = Self.manifests(out).values.reduce(0) { $0 + ((($1["rows"] as? [String: Any])?["filings"] as? Int) ?? 0) }
        #expect(filingRows == 3)
        let (parts, listed) = Self.partsAndListed(out)
        #expect(parts == listed)
    }

    @Test func manyForm4XmlInDifferentFoldersAllCommit() throws {
        let inputs = fresh("form4")
        var generator = FilingGenerator(seed: 44)
        for index in 0..<6 {
            try FileManager.default.createDirectory(atPath: inputs + "/d\(index)", withIntermediateDirectories: true)
            let xml = XMLRenderer.render(generator.nextDocument(form: .form4))
            try Data(xml.utf8).write(to: URL(fileURLWithPath: inputs + "/d\(index)/form4.xml"))
        }
        let out = fresh("form4-out")
        let run = try edgar(["run", inputs, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.manifests(out).count == 6)
        #expect(Self.filingCount(out) == 6)
        // A later run of one of them into the same OUT replaces only its own files.
        let rerun = try edgar(["run", inputs + "/d3/form4.xml", "--output", out])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(Self.manifests(out).count == 6)
        #expect(Self.filingCount(out) == 6)
    }

    @Test func aManifestOfAnotherInputUnderTheKeyStopsTheRunAndCommit() throws {
        let out = fresh("conflict")
        #expect(try edgar(["run", Self.fixture.feedA, "--output", out]).status == 0)
        let (path, object) = Self.manifests(out).first!
        var forged = object
        var source = forged["source"] as! [String: Any]
        source["path"] = "/somewhere/else/day.tar.gz"
        forged["source"] = source
        try JSONSerialization.data(withJSONObject: forged).write(to: URL(fileURLWithPath: out + "/" + path))
        let before = Self.files(out)
        let run = try edgar(["run", Self.fixture.feedA, "--output", out])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("manifest of another input"))
        #expect(Self.files(out).filter { $0.key != "_SUCCESS" } == before.filter { $0.key != "_SUCCESS" })
        #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
        let list = out + ".list"
        try (Self.fixture.feedA + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let commit = try edgar(["commit", out, "--expect-inputs", list])
        #expect(commit.status == 4)
        #expect(commit.stderr.contains("/somewhere/else/day.tar.gz"))
    }

    // MARK: Item 2: atomic commits

    /// The output of feed A alone with `arguments`, in a fresh OUT.
    func reference(_ arguments: [String]) throws -> [String: Data] {
        let out = fresh("reference")
        #expect(try edgar(["run", Self.fixture.feedA, "--output", out] + arguments).status == 0)
        return Self.files(out)
    }

    /// Every manifest present lists files that are on disk with its sizes and SHA-256s: a committed source is
    /// whole. Returns what does not match.
    static func manifestsMatchDisk(_ root: String) -> [String] {
        let onDisk = files(root)
        var wrong: [String] = []
        for (path, manifest) in manifests(root) {
            for file in manifest["files"] as? [[String: Any]] ?? [] {
                let listed = file["path"] as! String
                guard let bytes = onDisk[listed], bytes.count == file["bytes"] as? Int,
                    SHA256.hexDigest(of: [UInt8](bytes)) == file["sha256"] as? String
                else {
                    wrong.append("\(path) lists \(listed)")
                    continue
                }
            }
        }
        return wrong
    }

    /// A re-run that changes every part's bytes under the same paths (another compression level) hit by a
    /// failing rename: before, the old manifest stayed over new files.
    @Test(.enabled(if: CommitSafetyTests.strace != nil, "strace cannot trace here (install strace; ptrace must be allowed)"))
    func anInjectedRenameFailureLeavesOldOrUncommittedAndARerunRepairs() throws {
        let changed = ["--compression-level", "9"]
        let expected = try reference(changed)
        for when in [2, 3, 5, 8] {
            let out = fresh("inject-\(when)")
            #expect(try edgar(["run", Self.fixture.feedA, "--output", out, "--compression-level", "1"]).status == 0)
            let failed = try edgar(
                ["run", Self.fixture.feedA, "--output", out] + changed,
                inject: "rename,renameat,renameat2:error=ENOSPC:when=\(when)")
            #expect(failed.status == 75, "rename \(when): \(failed.stderr)")
            #expect(Self.manifestsMatchDisk(out) == [], "rename \(when): a manifest over files it does not describe")
            #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
            let rerun = try edgar(["run", Self.fixture.feedA, "--output", out] + changed)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(Self.files(out) == expected, "rename \(when): the re-run did not give the bytes of one run")
        }
    }

    /// kill -9 at the Nth rename of a re-run that changes the bytes (and then also the partitions), then the same
    /// command again.
    @Test(.enabled(if: CommitSafetyTests.strace != nil, "strace cannot trace here (install strace; ptrace must be allowed)"))
    func killNineAtARenameThenRerunLeavesNoOrphan() throws {
        // Same paths with other bytes (the old manifest over new files, before), then other paths too (what the
        // killed commit renamed into place must be cleaned by the re-run).
        for changed in [["--compression-level", "9"], ["--compression-level", "9", "--partition", "day"]] {
            let expected = try reference(changed)
            for when in [3, 4, 6] {
                let out = fresh("kill-\(when)")
                #expect(try edgar(["run", Self.fixture.feedA, "--output", out, "--compression-level", "1"]).status == 0)
                let killed = try edgar(
                    ["run", Self.fixture.feedA, "--output", out] + changed,
                    inject: "rename,renameat,renameat2:signal=KILL:when=\(when)")
                #expect(killed.status != 0)
                // Before: the old manifest over 3 new files.
                #expect(Self.manifestsMatchDisk(out) == [], "kill at \(when): a manifest over files it does not describe")
                let rerun = try edgar(["run", Self.fixture.feedA, "--output", out] + changed)
                #expect(rerun.status == 0, "\(rerun.stderr)")
                #expect(Self.files(out) == expected, "kill at \(when) \(changed): orphans or missing files after the re-run")
            }
        }
    }

    @Test func twoRunsOfOneInputWithMonthAndDayAtOnceLeaveNoOrphans() throws {
        for attempt in 0..<6 {
            let out = fresh("concurrent-\(attempt)")
            let runs = try ["month", "day"].map { partition in
                try Binary.start("edgar-etl", ["run", Self.fixture.feedA, "--output", out, "--partition", partition, "--jobs", "1"])
            }
            for run in runs { run.waitUntilExit() }
            #expect(runs.allSatisfy { $0.terminationStatus == 0 })
            // Before: orphan part files plus _SUCCESS in 11 of 40 tries.
            let (parts, listed) = Self.partsAndListed(out)
            #expect(parts == listed, "attempt \(attempt): orphans \(parts.subtracting(listed).sorted())")
            #expect(Self.manifests(out).count == 1)
            #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
            #expect(!FileManager.default.fileExists(atPath: out + "/_locks"))
            // The run that finished last found no other attempt alive and wrote the marker.
            #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        }
    }

    /// Before: `_SUCCESS` was written while another run's sources were still being staged.
    @Test func noSuccessWhileAnotherAttemptIsAlive() throws {
        let out = fresh("alive")
        try FileManager.default.createDirectory(atPath: out + "/_staging/day.tar.gz-0.otherhost.42.beef", withIntermediateDirectories: true)
        // Another attempt, alive: it holds the flock on its attempt lock.
        let lockPath = out + "/_staging/otherhost.42.beef.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let run = try edgar(["run", Self.fixture.feedB, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("_SUCCESS not written"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        #expect(FileManager.default.fileExists(atPath: out + "/_staging/day.tar.gz-0.otherhost.42.beef"))
        let list = out + ".list"
        try (Self.fixture.feedB + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        #expect(try edgar(["commit", out, "--expect-inputs", list]).status == 75)
        // The other attempt dies: its lock is free, its staging is swept, and the job commits.
        close(fd)
        let commit = try edgar(["commit", out, "--expect-inputs", list])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_staging/day.tar.gz-0.otherhost.42.beef"))
    }

    // MARK: Item 5: staging clean-up never follows links

    @Test func aStagingEntryThatIsALinkIsRemovedAsALink() throws {
        let out = fresh("link-entry")
        let victim = fresh("victim")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/keep.txt"))
        try FileManager.default.createDirectory(atPath: out + "/_staging", withIntermediateDirectories: true)
        // Looks like the staging of a dead attempt on this host (pid 999999 does not run).
        let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: ".", with: "_")
        try FileManager.default.createSymbolicLink(atPath: out + "/_staging/x.\(host).999999.abc", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: out + "/_staging/y.other.1.abc", withDestinationPath: victim)
        let run = try edgar(["run", Self.fixture.feedB, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        // Before: the victim folder was emptied.
        #expect(FileManager.default.fileExists(atPath: victim + "/keep.txt"))
    }

    @Test func aStagingOrManifestsFolderThatIsALinkIsRefused() throws {
        for name in ["_staging", "_manifests", "_locks"] {
            let out = fresh("link-\(name)")
            let victim = fresh("victim-\(name)")
            try FileManager.default.createDirectory(atPath: victim + "/x.host.999999.abc", withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/x.host.999999.abc/keep.txt"))
            try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/day.tar.gz.json"))
            try FileManager.default.createSymbolicLink(atPath: out + "/" + name, withDestinationPath: victim)
            let run = try edgar(["run", Self.fixture.feedB, "--output", out])
            #expect(run.status == 73, "\(name): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(name))
            #expect(FileManager.default.fileExists(atPath: victim + "/x.host.999999.abc/keep.txt"))
            #expect(FileManager.default.fileExists(atPath: victim + "/day.tar.gz.json"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: victim).count == 2)
        }
    }

    // MARK: Item 6: manifests are validated before use

    /// Commits feed B, then rewrites its manifest with `edit`; returns OUT and the manifest's path.
    func committedWithEditedManifest(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> (String, String) {
        let out = fresh(name)
        #expect(try edgar(["run", Self.fixture.feedB, "--output", out]).status == 0)
        let (path, object) = Self.manifests(out).first!
        var edited = object
        edit(&edited)
        try JSONSerialization.data(withJSONObject: edited).write(to: URL(fileURLWithPath: out + "/" + path))
        return (out, out + "/" + path)
    }

    @Test func aManifestPathOutsideOutDeletesNothing() throws {
        let victim = fresh("victim-file") + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let (out, _) = try committedWithEditedManifest("escape") { manifest in
            var files = manifest["files"] as! [[String: Any]]
            files.append(["path": "../" + victim.split(separator: "/").suffix(2).joined(separator: "/"), "rows": 1, "bytes": 8,
                          "sha256": String(repeating: "0", count: 64)])
            files.append(["path": "/etc/hostname", "rows": 1, "bytes": 8, "sha256": String(repeating: "0", count: 64)])
            manifest["files"] = files
        }
        let hadHostname = FileManager.default.fileExists(atPath: "/etc/hostname")
        let run = try edgar(["run", Self.fixture.feedB, "--output", out, "--partition", "year"])
        #expect(run.status == 0, "\(run.stderr)")
        // Before: the next run deleted ../victim.txt.
        #expect(FileManager.default.fileExists(atPath: victim))
        #expect(FileManager.default.fileExists(atPath: "/etc/hostname") == hadHostname)
        // The damaged source's own month files were found by name and removed: no orphans.
        let (parts, listed) = Self.partsAndListed(out)
        #expect(parts == listed, "\(parts.subtracting(listed).sorted())")
    }

    @Test func commitNeverHashesOutsideOut() throws {
        let (out, _) = try committedWithEditedManifest("shadow") { manifest in
            manifest["files"] = [["path": "../../../../../../../../etc/passwd", "rows": 1, "bytes": 1,
                                  "sha256": String(repeating: "0", count: 64)]]
        }
        let list = out + ".list"
        try (Self.fixture.feedB + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let commit = try edgar(["commit", out, "--expect-inputs", list])
        #expect(commit.status == 4)
        #expect(commit.stderr.contains("damaged manifest"))
        // Before: "wrong size: ../../../../etc/shadow (1234 bytes, ...)": it had been opened and hashed.
        #expect(!commit.stderr.contains("wrong size"))
        #expect(!commit.stderr.contains("checksum"))
    }

    @Test func aFifoOrALinkToDevZeroAsManifestNeitherHangsNorGrows() throws {
        for kind in ["fifo", "zero", "large"] {
            let out = fresh("special-\(kind)")
            #expect(try edgar(["run", Self.fixture.feedB, "--output", out]).status == 0)
            let path = out + "/" + Self.manifests(out).keys.first!
            try FileManager.default.removeItem(atPath: path)
            switch kind {
            case "fifo": #expect(mkfifo(path, 0o644) == 0)
            case "zero": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            default:
                // A sparse 1 GiB file: above the size cap, refused by fstat before a byte is read.
                #expect(FileManager.default.createFile(atPath: path, contents: nil))
                #expect(truncate(path, 1 << 30) == 0)
            }
            let began = Date()
            let run = try edgar(["run", Self.fixture.feedB, "--output", out])
            #expect(run.status == 0, "\(kind): \(run.stderr)")
            #expect(Date().timeIntervalSince(began) < 120, "\(kind): the run took too long")
            let list = out + ".list"
            try (Self.fixture.feedB + "\n").write(toFile: list, atomically: true, encoding: .utf8)
            #expect(try edgar(["commit", out, "--expect-inputs", list]).status == 0, "\(kind)")
        }
    }

    // MARK: _SUCCESS and exit statuses

    @Test func successOnlyAfterACompleteRunThatCommittedSomething() throws {
        let out = fresh("success")
        #expect(try edgar(["run", Self.fixture.feedB, "--output", out]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        // An empty input folder: exit 4, and the marker of the earlier run is gone (before: written anyway).
        let empty = fresh("empty")
        let none = try edgar(["run", empty, "--output", out])
        #expect(none.status == 4)
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
        // Too many rejects: exit 5, no marker (before: written by the pipeline before the threshold was checked).
        let junk = fresh("junk")
        try Data("not a filing".utf8).write(to: URL(fileURLWithPath: junk + "/a.txt"))
        let five = try edgar(["run", junk, Self.fixture.feedB, "--output", out, "--max-rejects", "0"])
        #expect(five.status == 5, "\(five.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
    }

    @Test func aLateDuplicateShardKeepsTheMarkerUnlessItChangesAManifest() throws {
        let out = fresh("late")
        let list = out + ".list"
        try (Self.fixture.feedA + "\n" + Self.fixture.feedB + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        for index in 0..<2 {
            let shard = try edgar(["run", "--inputs-from", list, "--shard-count", "2", "--shard-index", "\(index)", "--output", out])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        #expect(try edgar(["commit", out, "--expect-inputs", list]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        // A late duplicate of shard 0 rewrites the same bytes: the job is as complete as before (before: removed).
        let late = try edgar(["run", "--inputs-from", list, "--shard-count", "2", "--shard-index", "0", "--output", out])
        #expect(late.status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        // A shard that changes a manifest (here: other partitions) withdraws it until the next commit.
        let changed = try edgar(
            ["run", "--inputs-from", list, "--shard-count", "1", "--output", out, "--partition", "year"])
        #expect(changed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        #expect(try edgar(["commit", out, "--expect-inputs", list]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
    }

    @Test func permanentOutputErrorsHaveTheirOwnStatus() throws {
        // A name too long for the file system: not worth a retry (before: 75).
        let long = fresh("long") + "/" + String(repeating: "n", count: 300)
        let tooLong = try edgar(["run", Self.fixture.feedB, "--output", long])
        #expect(tooLong.status == 73, "\(tooLong.stderr)")
        if Self.strace != nil {
            let out = fresh("erofs")
            let readOnly = try edgar(["run", Self.fixture.feedB, "--output", out], inject: "rename,renameat,renameat2:error=EROFS:when=2+")
            #expect(readOnly.status == 73, "\(readOnly.stderr)")
            let full = try edgar(["run", Self.fixture.feedB, "--output", fresh("enospc")], inject: "rename,renameat,renameat2:error=ENOSPC:when=2+")
            #expect(full.status == 75, "\(full.stderr)")
        } else {
            print("EROFS case skipped: strace cannot trace here")
        }
    }

    @Test func outputMistakesReadAsMistakes() throws {
        let file = fresh("file") + "/out.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let run = try edgar(["run", Self.fixture.feedB, "--output", file])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("x".utf8))
        // A missing input leaves no staging behind (before: an empty _staging/).
        let out = fresh("missing")
        let missing = try edgar(["run", folder + "/no-such.zip", "--output", out])
        #expect(missing.status == 4)
        #expect(!FileManager.default.fileExists(atPath: out + "/_staging"))
        #expect(!FileManager.default.fileExists(atPath: out + "/_locks"))
    }
}
