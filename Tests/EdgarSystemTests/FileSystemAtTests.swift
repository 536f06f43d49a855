import EdgarSystem
import Foundation
import SystemPackage
import Testing

/// The descriptor-relative calls never follow a link, and a write is all or nothing.
@Suite struct FileSystemAtTests {
    let root = Scratch.folder("at")
    let outside = Scratch.folder("outside")

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func removeTreeRemovesLinksNotWhatTheyPointTo() throws {
        Scratch.file(outside + "/keep", "precious")
        try FileManager.default.createDirectory(atPath: root + "/tree/a/b", withIntermediateDirectories: true)
        Scratch.file(root + "/tree/a/b/file", "x")
        try FileManager.default.createSymbolicLink(atPath: root + "/tree/a/folder-link", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/tree/file-link", withDestinationPath: outside + "/keep")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }

        FileSystem.removeTree("tree", in: fd)

        #expect(!FileManager.default.fileExists(atPath: root + "/tree"))
        #expect(contents(outside + "/keep") == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["keep"])
    }

    @Test func removeTreeOfALinkRemovesOnlyTheLink() throws {
        Scratch.file(outside + "/keep", "precious")
        try FileManager.default.createSymbolicLink(atPath: root + "/staging", withDestinationPath: outside)
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }

        FileSystem.removeTree("staging", in: fd)

        #expect(FileSystem.kind(of: "staging", in: fd) == nil)
        #expect(contents(outside + "/keep") == "precious")
    }

    @Test func atomicWriteReplacesTheOldContentAndLeavesNoTemporaryFile() throws {
        Scratch.file(root + "/_SUCCESS", "old")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }

        try FileSystem.writeAtomically(Array("new".utf8), as: "_SUCCESS", in: fd, label: "_SUCCESS")

        #expect(contents(root + "/_SUCCESS") == "new")
        #expect(try FileSystem.listDirectory(fd, label: "") == ["_SUCCESS"])
    }

    @Test func aFailedAtomicWriteLeavesTheOldStateAndNoTemporaryFile() throws {
        // The rename cannot replace a folder that holds something: the old state must survive whole.
        try FileManager.default.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
        Scratch.file(root + "/target/inside", "old")
        let scratch = root + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }
        let scratchFD = try FileSystem.openRoot(scratch, create: false)
        defer { FileSystem.release(scratchFD) }

        let error = try #require(throws: SystemError.self) {
            try FileSystem.writeAtomically(Array("new".utf8), as: "target", in: fd, scratch: scratchFD, label: "out/target")
        }

        #expect(error.errno == .isDirectory)
        #expect(error.path == "out/target")
        #expect(contents(root + "/target/inside") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
    }

    @Test func readRegularFileRefusesLinksAndFIFOsAndCapsTheSize() throws {
        Scratch.file(outside + "/secret", "secret")
        try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: outside + "/secret")
        #expect(mkfifo(root + "/fifo.json", 0o644) == 0)
        Scratch.file(root + "/big.json", String(repeating: "a", count: 100))
        Scratch.file(root + "/ok.json", "{}")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }

        #expect(FileSystem.readRegularFile("link.json", in: fd, cap: 1000) == .failure(.notRegular))
        #expect(FileSystem.readRegularFile("fifo.json", in: fd, cap: 1000) == .failure(.notRegular))
        #expect(FileSystem.readRegularFile("missing.json", in: fd, cap: 1000) == .failure(.missing))
        #expect(FileSystem.readRegularFile("big.json", in: fd, cap: 10) == .failure(.tooLarge(100)))
        #expect(FileSystem.readRegularFile("ok.json", in: fd, cap: 10) == .success(Array("{}".utf8)))
    }

    @Test func identityIsTheSameThroughAHardLinkAndDiffersOtherwise() throws {
        Scratch.file(root + "/a", "a")
        Scratch.file(root + "/b", "b")
        try FileManager.default.linkItem(atPath: root + "/a", toPath: root + "/hard")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }

        let a = try #require(FileSystem.identity(of: "a", in: fd))
        #expect(FileSystem.identity(of: "hard", in: fd) == a)
        #expect(FileSystem.identity(of: "b", in: fd) != a)
        #expect(FileSystem.identity(of: "gone", in: fd) == nil)
    }

    @Test func aLockHeldOnOneOpenFileIsSeenFromAnother() throws {
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }
        let held = try FileSystem.openFile("x.lock", in: fd, create: true, label: "_locks/x.lock")
        #expect(!FileSystem.isLockedElsewhere("x.lock", in: fd))
        #expect(try FileSystem.lock(held, wait: false, label: "_locks/x.lock"))
        #expect(FileSystem.isLockedElsewhere("x.lock", in: fd))
        FileSystem.unlock(held)
        #expect(!FileSystem.isLockedElsewhere("x.lock", in: fd))
        FileSystem.release(held)
    }

    @Test func directoryEntriesListNamesWithoutDotsAndReadAgainFromTheStart() throws {
        for name in ["b", "a", ".hidden"] { Scratch.file(root + "/" + name, "") }
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }
        #expect(try FileSystem.listDirectory(fd, label: "") == [".hidden", "a", "b"])
        #expect(try FileSystem.listDirectory(fd, label: "") == [".hidden", "a", "b"])
        #expect(try DirectoryEntries.names(atPath: root).get().sorted() == [".hidden", "a", "b"])
        #expect(DirectoryEntries.names(atPath: root + "/absent") == .failure(.noSuchFileOrDirectory))
    }
}
