import EdgarReaders
import Foundation
import Testing

/// Issue 11 item 7 and issue 12's `list-inputs a.zip ./a.zip`: discovery knows files and folders by
/// (device, inode), so link loops end, and a file reached by two paths is one input.
@Suite struct DiscoveryLinkTests {
    private func link(_ target: String, _ path: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// `ln -s . d/a; ln -s . d/b` used to walk forever (4 GB of RSS after 10 minutes).
    @Test func selfLinksEndAtOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("d/feed.nc.tar.gz", [1])
        try link(".", dir.path + "/d/a")
        try link(".", dir.path + "/d/b")
        #expect(InputDiscovery.expand([dir.path + "/d"]) == [.file(path: dir.path + "/d/feed.nc.tar.gz")])
    }

    /// `ln -s .. d/up` used to read the same archive 42 times.
    @Test func linkUpwardsListsEachFileOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("top/d/feed.zip", [1])
        try dir.write("top/other.zip", [1])
        try link("..", dir.path + "/top/d/up")
        let found = InputDiscovery.expand([dir.path + "/top/d"])
        #expect(found == [.file(path: dir.path + "/top/d/feed.zip"), .file(path: dir.path + "/top/d/up/other.zip")])
        let fromTop = InputDiscovery.expand([dir.path + "/top"])
        #expect(fromTop == [.file(path: dir.path + "/top/d/feed.zip"), .file(path: dir.path + "/top/other.zip")])
    }

    /// `a.zip ./a.zip`, a symbolic link and a hard link: one file, one input, under the path that sorts first.
    @Test func oneFileByManyPathsIsOneInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("a.zip", [1])
        try link("a.zip", dir.path + "/link.zip")
        try FileManager.default.linkItem(atPath: file, toPath: dir.path + "/hard.zip")
        let found = InputDiscovery.expand([file, dir.path + "/./a.zip", dir.path + "/link.zip", dir.path + "/hard.zip"])
        #expect(found == [.file(path: dir.path + "/./a.zip")])
    }

    /// A cancelled walk stops between entries instead of finishing the tree, and lists nothing.
    @Test func walkStopsWhenCancelled() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for index in 0..<50 { try dir.write("many/f\(index).nc", [1]) }
        var checks = 0
        let found = InputDiscovery.expand([dir.path + "/many"]) {
            checks += 1
            return checks > 5
        }
        #expect(checks == 6, "the walk stopped at the first entry after the cancellation")
        #expect(found.isEmpty, "a partial list is never returned")
    }

    /// Special files found in a folder are passed over; named directly, they are unreadable with a reason.
    @Test func procIsRefusedByName() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else {
            Issue.record("no /proc on this machine")
            return
        }
        let found = InputDiscovery.expand(["/proc/self/status"])
        guard case .unreadable(_, let reason) = try #require(found.first) else {
            Issue.record("expected unreadable, got \(found)")
            return
        }
        #expect(reason.contains("proc pseudo-filesystem"))
    }
}
