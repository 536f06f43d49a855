import EdgarSystem
import Foundation
import SystemPackage
import Testing

/// Every failure of the layer is a `SystemError` carrying the errno as swift-system's `Errno`, the call, and the
/// path as the user knows it; the description is the text users have always seen ("<call> <path>: <strerror>").
@Suite struct SystemErrorTests {
    let root = Scratch.folder("errors")

    @Test func missingRootCarriesENOENTAndThePath() throws {
        let path = root + "/absent"
        let error = try #require(throws: SystemError.self) { try FileSystem.openRoot(path, create: false) }
        #expect(error.errno == .noSuchFileOrDirectory)
        #expect(error.operation == "open")
        #expect(error.path == path)
        #expect(error.description == "open \(path): No such file or directory")
    }

    @Test func aLinkedFolderIsRefusedUnderItsLabel() throws {
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }
        let error = try #require(throws: SystemError.self) {
            try FileSystem.openDirectory("link", in: fd, create: false, label: "tables/link")
        }
        // O_DIRECTORY | O_NOFOLLOW on a link to a folder: Linux says ENOTDIR (the link is not a folder).
        #expect(error.errno == .notDirectory)
        #expect(error.path == "tables/link")
        #expect(error.description == "open folder (links are refused) tables/link: Not a directory")
    }

    @Test func aFileWhereAFolderShouldBeGivesENOTDIR() throws {
        Scratch.file(root + "/plain", "x")
        let fd = try FileSystem.openRoot(root, create: false)
        defer { FileSystem.release(fd) }
        let error = try #require(throws: SystemError.self) {
            try FileSystem.openDirectory(relative: "plain/below", in: fd, create: true)
        }
        #expect(error.errno == .notDirectory)
        #expect(error.path == "plain/below")
    }

    @Test func pathComponentsThatLeaveTheFolderAreRefusedWithEINVAL() throws {
        for name in ["", ".", "..", "a/b", "nul\u{0}"] {
            let error = try #require(throws: SystemError.self) { try FileSystem.checkName(name, label: "label") }
            #expect(error.errno == .invalidArgument)
            #expect(error.path == "label")
        }
    }

    @Test func anExplanationReplacesTheErrnoTextButKeepsTheErrno() {
        let error = SystemError(operation: "read", path: "/p", errno: .invalidArgument, explanation: "not a regular file")
        #expect(error.description == "read /p: not a regular file")
        #expect(error.errno == .invalidArgument)
    }

    @Test func pseudoFilesystemsAreNamed() throws {
        #expect(SpecialFilesystem.name(ofPath: "/proc/self/status") == "proc")
        #expect(SpecialFilesystem.name(ofPath: root) == nil)
        let fd = try FileDescriptor.open("/proc/self/status", .readOnly)
        defer { try? fd.close() }
        #expect(SpecialFilesystem.name(of: fd) == "proc")
    }
}

/// Scratch folders for the tests, one per call.
enum Scratch {
    static func folder(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "edgar-system-\(label)-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func file(_ path: String, _ text: String) {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    }
}

/// The exit-code split the command line relies on (73 permanent, 75 try again), by errno.
@Suite struct PermanentErrnoTests {
    func error(_ errno: Errno) -> SystemError { SystemError(operation: "rename into place", path: "p", errno: errno) }

    @Test func retryCannotFixTheseSo73() {
        let permanent: [Errno] = [
            .readOnlyFileSystem, .fileNameTooLong, .notDirectory, .tooManySymbolicLinkLevels, .invalidArgument,
            .improperLink, .isDirectory, .tooManyLinks, .fileExists,
        ]
        for errno in permanent { #expect(error(errno).isPermanent, "\(errno)") }
    }

    @Test func theOperatorCanFixTheseSo75() {
        for errno: Errno in [.noSpace, .permissionDenied, .fileTooLarge, .diskQuotaExceeded, .ioError, .noSuchFileOrDirectory] {
            #expect(!error(errno).isPermanent, "\(errno)")
        }
    }
}
