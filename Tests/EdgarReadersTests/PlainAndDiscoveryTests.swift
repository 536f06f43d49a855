import EdgarCore
import EdgarReaders
import EdgarTestSupport
import Foundation
import Testing

@Suite struct PlainInputTests {
    @Test func plainFileIsOneMember() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let bytes = Array("<SEC-DOCUMENT>0001127602-25-001055.txt : 20250110\n".utf8) + noise(400_000)
        let out = readAll(try dir.write("a.txt", bytes), label: "a.txt")
        #expect(out.trace == ["member -"])
        #expect(out.members.first?.bytes == bytes)
        #expect(out.members.first?.archive == "a.txt")
        #expect(out.summary == ReadSummary(
            bytesRead: bytes.count, sha256: SHA256.hexDigest(of: bytes), members: 1, failure: nil))
    }

    @Test func plainFileAboveTheLimitIsRejected() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let bytes = noise(5000)
        let out = readAll(try dir.write("a.txt", bytes), limits: ReaderLimits(maxMemberBytes: 1000))
        #expect(out.trace == ["reject member_too_large -"])
        #expect(out.summary.sha256 == SHA256.hexDigest(of: bytes))
    }

    @Test func emptyFileIsOneEmptyInputReject() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("empty.nc", []), label: "empty.nc")
        #expect(out.trace == ["reject empty_input -"])
        #expect(out.rejects.first?.source == SourceRef(archive: "empty.nc"))
        #expect(out.summary.failure == nil)
        #expect(out.summary.bytesRead == 0)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: [UInt8]()))
    }

    @Test func missingPathAndFolderAreUnreadable() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for (path, text) in [(dir.path + "/nope.tar.gz", "No such file"), (dir.path, "Is a directory")] {
            let out = readAll(path, label: path)
            #expect(out.events.isEmpty)
            let failure = try #require(out.summary.failure)
            #expect(failure.reject.code == .unreadableInput)
            #expect(!failure.keepable)
            #expect(failure.reject.message.contains(path))
            #expect(failure.reject.message.contains(text))
        }
    }

    /// The refusal messages users see, byte for byte, whichever error type the file layer uses underneath.
    @Test func unreadableInputMessagesAreExact() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let fifo = dir.path + "/pipe.zip"
        #expect(mkfifo(fifo, 0o644) == 0)
        var cases = [
            (dir.path + "/nope.tar.gz", "cannot open \(dir.path)/nope.tar.gz: No such file or directory"),
            (dir.path, "cannot read \(dir.path): Is a directory"),
            (fifo, "cannot read \(fifo): not a regular file (a FIFO, socket or device)"),
        ]
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            cases.append((
                "/proc/self/status",
                "cannot read /proc/self/status: it is on the proc pseudo-filesystem, which holds kernel state, not filings; "
                    + "such files are never read"
            ))
        }
        for (path, message) in cases {
            #expect(readAll(path, label: path).summary.failure?.reject.message == message)
        }
    }
}

@Suite struct InputDiscoveryTests {
    @Test func foldersAreWalkedSortedAndFiltered() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let root = dir.path
        try dir.write("in/b.nc", [1])
        try dir.write("in/a.nc", [1])
        try dir.write("in/sub/c.zip", [1])
        try dir.write("in/.hidden.nc", [1])
        try dir.write("in/.cache/d.nc", [1])
        try dir.write("in/out/tables/x.ndjson", [1])
        try dir.makeFolder("in/out/_manifests")
        try dir.write("in/README.md", [1])
        try dir.write("loose.txt", [1])
        try dir.write("notes.md", [1])
        let found = InputDiscovery.expand([
            root + "/loose.txt", root + "/in/", root + "/in/a.nc", root + "/missing", root + "/notes.md",
        ])
        #expect(found == [
            .file(path: root + "/in/a.nc"), .file(path: root + "/in/b.nc"), .file(path: root + "/in/sub/c.zip"),
            .file(path: root + "/loose.txt"), .unreadable(path: root + "/missing", reason: "No such file or directory"),
            .file(path: root + "/notes.md"),
        ])
    }
}
