import EdgarCompression
import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarReaders

/// Contract 1.1 "Limits apply to members", and the read-side bombs of issue 11: each test builds its input.
@Suite struct ReaderLimitTests {
    private func tar(_ files: [(String, [UInt8])]) -> [UInt8] {
        let record = 10240
        var tar = TarBuilder()
        for (name, data) in files { tar.file(name, data) }
        tar.end()
        // GNU tar pads the archive to whole 10 KiB records with zeros after the end marker.
        if tar.bytes.count % record != 0 { tar.raw([UInt8](repeating: 0, count: record - tar.bytes.count % record)) }
        return tar.bytes
    }

    /// `cat a.tar b.tar`: the second archive follows the first one's end-of-archive zero blocks. It used to be
    /// dropped without a word; now it is read on, as `tar --ignore-zeros` does.
    @Test func concatenatedTarIsReadToTheEnd() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let first = tar([("a/1.nc", Array("one".utf8)), ("a/2.nc", Array("two".utf8))])
        let second = tar([("b/3.nc", Array("three".utf8))])
        let out = readAll(try dir.write("cat.tar", first + second), label: "cat.tar")
        #expect(out.trace == ["member a/1.nc", "member a/2.nc", "member b/3.nc"])
        #expect(out.summary.failure == nil)
    }

    /// Two `.tar.gz` files concatenated: gzip inflates them as one stream holding two tars.
    @Test func concatenatedTarGzIsReadToTheEnd() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let first = try Deflater.gzip(tar([("day1/1.nc", Array("one".utf8))]))
        let second = try Deflater.gzip(tar([("day2/2.nc", Array("two".utf8)), ("day2/3.nc", Array("three".utf8))]))
        let out = readAll(try dir.write("feed.nc.tar.gz", first + second), label: "feed")
        #expect(out.trace == ["member day1/1.nc", "member day2/2.nc", "member day2/3.nc"])
        #expect(out.members.map { String(decoding: $0.bytes, as: UTF8.self) } == ["one", "two", "three"])
        #expect(out.summary.failure == nil)
    }

    // Garbage after the end marker is not silently passed over either: one `corrupt_archive` reject (the case
    // Tests/Cases/archive-rejects/garbage-after-tar-end).

    /// Issue 12 item 5: a bomb member in the middle of a `.tar.gz` is skipped with one reject, and the member
    /// after it still comes out (the whole input used to end at the ratio limit).
    @Test func bombMemberInsideTarGzIsSkippedAndReadingGoesOn() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let zeros = [UInt8](repeating: 0, count: 16 << 20)
        let gz = try Deflater.gzip(
            tar([("good-1.nc", Array("first".utf8)), ("bomb.nc", zeros), ("good-2.nc", Array("second".utf8))]), level: 9)
        // The ratio limit lowered so that the whole payload is past it, as a 2 GiB bomb is at the default.
        let limits = ReaderLimits(maxMemberBytes: 1 << 20, maxCompressionRatio: 100)
        let out = readAll(try dir.write("bomb.nc.tar.gz", gz), limits: limits)
        #expect(out.trace == ["member good-1.nc", "reject member_too_large bomb.nc", "member good-2.nc"])
        #expect(out.summary.failure == nil)
    }

    /// The cap on what one input may inflate to is what bounds the time: past it the input is given up.
    @Test func inputInflatingPastTheCapIsGivenUp() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let zeros = [UInt8](repeating: 0, count: 16 << 20)
        let gz = try Deflater.gzip(
            tar([("good-1.nc", Array("first".utf8)), ("bomb.nc", zeros), ("good-2.nc", Array("second".utf8))]), level: 9)
        let limits = ReaderLimits(maxMemberBytes: 1 << 20, maxInflatedBytesPerInput: 4 << 20)
        let out = readAll(try dir.write("bomb.nc.tar.gz", gz), limits: limits)
        #expect(out.trace == ["member good-1.nc", "reject member_too_large bomb.nc"])
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .memberTooLarge)
        #expect(failure.reject.message.contains("4194304-byte cap"))
        #expect(failure.keepable)
    }

    // Issue 12 item 6: a zero-byte member is `empty_input` (it used to reach the extractor and come out as
    // `not_ownership_form`), in a tar and in a zip: the cases Tests/Cases/archive-rejects/zero-byte-*-member.

    /// Issue 11 item 11: with the member limit raised to 64 GiB, a header claiming 30 GiB used to reserve 30 GiB
    /// on its word and abort ("failed to allocate"). Now memory grows only as bytes arrive.
    @Test func declaredSizeReservesNoMemory() throws {
        var header = TarBuilder()
        header.header(name: "huge.nc", size: 30 << 30, typeflag: "0")
        let bytes = header.bytes + Array("only a few bytes arrive".utf8)
        var decoder = TarDecoder(label: "claim.tar", maxMemberBytes: 64 << 30)
        decoder.feed(bytes[...]) { _ in }
        #expect(decoder.largestHeldMember <= ReaderLimits.maxUpfrontReserve)
        #expect(decoder.finish()?.contains("huge.nc") == true)

        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("claim.tar.gz", try Deflater.gzip(bytes)), limits: ReaderLimits(maxMemberBytes: 64 << 30))
        #expect(out.summary.failure?.reject.code == .truncatedArchive)
    }

    /// Issue 11 item 9: 200 central-directory entries pointing at one deflate stream used to inflate it 200
    /// times. Overlapping local ranges are refused, as unzip 6.0 refuses them: one member, then one reject each.
    @Test func overlappingZipEntriesAreRefused() throws {
        let text = Array(String(repeating: "<value>1566.507</value>\n", count: 4000).utf8)
        let deflated = try Deflater.compress(text, format: .raw, level: 9)
        let crc = Int(CRC32.checksum(text))
        let name = Array("payload.xml".utf8)
        var local = le32(0x0403_4b50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
        local += le32(deflated.count) + le32(text.count) + le16(name.count) + le16(0) + name + deflated
        var central: [UInt8] = []
        let entries = 200
        for index in 0..<entries {
            let entryName = Array("bomb-\(index).xml".utf8)
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
            central += le32(deflated.count) + le32(text.count) + le16(entryName.count) + le16(0) + le16(0) + le16(0)
            central += le16(0) + le32(0) + le32(0) + entryName
        }
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(entries) + le16(entries) + le32(central.count)
            + le32(local.count) + le16(0)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("overlap.zip", local + central + end))
        #expect(out.members.count == 1)
        #expect(out.members.first?.path == "bomb-0.xml")
        #expect(out.rejects.count == entries - 1)
        #expect(out.rejects.allSatisfy { $0.code == .corruptArchive && $0.message.contains("overlaps") })
        #expect(out.summary.failure == nil)
    }

    /// The per-input inflate cap applies to zip archives too: entries are added up.
    @Test func zipInflatingPastTheCapIsGivenUp() throws {
        var zip = ZipBuilder()
        for index in 0..<4 {
            try zip.add("m\(index).xml", Array(String(repeating: "row \(index)\n", count: 8000).utf8), .init(method: 8))
        }
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(
            try dir.write("big.zip", zip.build()), limits: ReaderLimits(maxInflatedBytesPerInput: 60_000))
        #expect(out.trace == ["member m0.xml"])
        #expect(out.summary.failure?.reject.code == .memberTooLarge)
        #expect(out.summary.failure?.reject.message.contains("60000-byte cap") == true)
    }

    /// Issue 11 item 8: only regular files are inputs, and nothing on /proc or /sys is read, so no excerpt of
    /// kernel state can reach the rejects table.
    @Test func procFilesAndFIFOsAreRefusedWithoutReadingThem() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else {
            Issue.record("no /proc on this machine: the pseudo-filesystem refusal is untested here")
            return
        }
        let proc = readAll("/proc/self/status", label: "/proc/self/status")
        #expect(proc.events.isEmpty)
        let failure = try #require(proc.summary.failure)
        #expect(failure.reject.code == .unreadableInput)
        #expect(failure.reject.message.contains("proc pseudo-filesystem"))
        #expect(failure.reject.excerpt == nil)
        #expect(proc.summary.bytesRead == 0)

        let dir = try TempDir()
        defer { dir.remove() }
        let fifo = dir.path + "/pipe.nc"
        #expect(mkfifo(fifo, 0o600) == 0)
        let out = readAll(fifo)
        #expect(out.summary.failure?.reject.code == .unreadableInput)
        #expect(out.summary.failure?.reject.message.contains("not a regular file") == true)
    }
}
