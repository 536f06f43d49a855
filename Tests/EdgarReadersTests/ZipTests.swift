import EdgarCompression
import EdgarCore
import EdgarReaders
import EdgarTestSupport
import Testing

@Suite struct ZipTests {
    let form = Array(String(repeating: "<ownershipDocument/>\n", count: 200).utf8)

    @Test func membersAndMemberLevelRejectsInDirectoryOrder() throws {
        var zip = ZipBuilder()
        try zip.add("stored.xml", form)
        try zip.add("folder/", [])
        try zip.add("deflated.xml", form, .init(method: 8))
        try zip.add("zip64.xml", noise(5000), .init(method: 8, zip64Extra: true))
        try zip.add("secret.xml", form, .init(method: 8, encrypted: true))
        try zip.add("bzip2.xml", form, .init(method: 12))
        try zip.add("damaged.xml", form, .init(method: 8, wrongCRC: true))
        try zip.add("last.txt", Array("last".utf8))
        let bytes = zip.build()
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("filings.zip", bytes), label: "filings.zip")
        #expect(out.trace == [
            "member stored.xml", "member deflated.xml", "member zip64.xml",
            "reject unsupported_archive secret.xml", "reject unsupported_archive bzip2.xml",
            "reject corrupt_archive damaged.xml", "member last.txt",
        ])
        expectMembers(
            out.members,
            [("stored.xml", form), ("deflated.xml", form), ("zip64.xml", noise(5000)), ("last.txt", Array("last".utf8))],
            archive: "filings.zip")
        #expect(out.rejects.allSatisfy { $0.stage == .read && $0.source.archive == "filings.zip" })
        #expect(out.rejects.last?.message.contains("CRC-32") == true)
        #expect(out.summary.failure == nil)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: bytes))
        #expect(out.summary.bytesRead == bytes.count)
    }

    @Test func zip64EndRecordIsFollowed() throws {
        var zip = ZipBuilder()
        try zip.add("a.xml", form, .init(method: 8, zip64Extra: true))
        try zip.add("b.xml", form)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("z.zip", zip.build(zip64EndRecord: true)))
        expectMembers(out.members, [("a.xml", form), ("b.xml", form)])
        #expect(out.summary.failure == nil)
    }

    @Test func ratioBombIsRejectedAndTheRestRead() throws {
        let zeros = [UInt8](repeating: 0, count: 5 << 20)
        var zip = ZipBuilder()
        try zip.add("bomb.xml", zeros, .init(method: 8))
        try zip.add("fine.xml", form, .init(method: 8))
        let bytes = zip.build()
        // The fixture really is past the default ratio.
        #expect(zeros.count / (try Deflater.compress(zeros, format: .raw, level: 9)).count > 1000)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("z.zip", bytes))
        #expect(out.trace == ["reject member_too_large bomb.xml", "member fine.xml"])
        let tight = readAll(try dir.write("z.zip", bytes), limits: ReaderLimits(maxMemberBytes: 1 << 20))
        #expect(tight.trace == ["reject member_too_large bomb.xml", "member fine.xml"])
    }

    @Test func truncatedZipRecoversLocalEntries() throws {
        var zip = ZipBuilder()
        try zip.add("a.xml", form, .init(method: 8))
        try zip.add("b.xml", form)
        try zip.add("c.xml", noise(4000), .init(method: 8))
        let cut = Array(zip.withoutDirectory.dropLast(100))
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("z.zip", cut))
        expectMembers(out.members, [("a.xml", form), ("b.xml", form)])
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .truncatedArchive)
        #expect(failure.keepable)
    }

    @Test func emptyZipIsEmptyInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("z.zip", ZipBuilder().build()))
        #expect(out.trace == ["reject empty_input -"])
        #expect(out.summary.failure == nil)
    }
}
