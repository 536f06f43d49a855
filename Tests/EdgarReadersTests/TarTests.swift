import EdgarCompression
import EdgarCore
import EdgarReaders
import EdgarTestSupport
import Testing

/// A tar using every header variant the walker must read, and what it should yield.
func variantTar() -> (bytes: [UInt8], expected: [(String, [UInt8])]) {
    let longName = "deep/" + String(repeating: "long-directory-name/", count: 8) + "0001127602-25-004598.nc"
    let paxName = "pax/" + String(repeating: "p", count: 150) + "/form4.xml"
    let a = Array("<SUBMISSION>\nplain ustar\n".utf8)
    let b = noise(1300, seed: 7)
    let c = Array("gnu long name body".utf8)
    let d = Array("pax path body".utf8)
    let e = noise(700, seed: 11)
    var tar = TarBuilder()
    tar.directory("20250213/")
    tar.file("20250213/a.nc", a)
    tar.file("b.nc", b, prefix: "some/prefix")
    tar.symlink("20250213/link.nc", to: "a.nc")
    tar.gnuLongNameFile(longName, c)
    tar.pax([("path", paxName), ("mtime", "1700000000.5")])
    tar.file("short-pax-placeholder", d)
    tar.file("base256.bin", e, base256Size: true)
    tar.header(name: "dev/null", size: 0, typeflag: "3")
    // A zero-byte member is no member: it comes out as an `empty_input` reject naming it (contract 1.1).
    tar.file("empty.txt", [], typeflag: "7")
    tar.end()
    let expected = [("20250213/a.nc", a), ("some/prefix/b.nc", b), (longName, c), (paxName, d), ("base256.bin", e)]
    return (tar.bytes, expected)
}

func expectMembers(_ members: [Member], _ expected: [(String, [UInt8])], archive: String? = nil) {
    #expect(members.map { $0.path ?? "-" } == expected.map { $0.0 })
    for (member, (_, bytes)) in zip(members, expected) {
        #expect(member.bytes == bytes, "bytes of \(member.path ?? "-")")
        if let archive { #expect(member.archive == archive) }
    }
}

@Suite struct TarTests {
    @Test func plainTarWithEveryHeaderVariant() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let (bytes, expected) = variantTar()
        let path = try dir.write("feed.tar", bytes)
        let out = readAll(path, label: "feed.tar")
        expectMembers(out.members, expected, archive: "feed.tar")
        #expect(out.rejects.map(\.code) == [.emptyInput])
        #expect(out.rejects.first?.source.member == "empty.txt")
        #expect(out.summary.failure == nil)
        #expect(out.summary.members == expected.count)
        #expect(out.summary.bytesRead == bytes.count)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: bytes))
    }

    @Test func gzippedTarNamedLikeAnythingIsSniffed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let (bytes, expected) = variantTar()
        let gz = try Deflater.gzip(bytes)
        let path = try dir.write("misleading-name.txt", gz)
        let out = readAll(path, label: "x")
        expectMembers(out.members, expected, archive: "x")
        #expect(out.summary.failure == nil)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: gz))
        #expect(out.summary.bytesRead == gz.count)
    }

    @Test(arguments: standardChunkSizes) func walkerGivesTheSameEventsForAnyChunking(size: Int) {
        var (bytes, expected) = variantTar()
        // A damaged block in the middle, to check resync is chunk-independent too.
        bytes.insert(contentsOf: [UInt8](repeating: 0x41, count: 512), at: 1536)
        let (whole, _) = decodeTar(bytes, chunkSize: bytes.count)
        let (chunked, decoder) = decodeTar(bytes, chunkSize: size)
        #expect(chunked.trace == whole.trace)
        #expect(chunked.rejects.map(\.code) == [.corruptArchive, .emptyInput])
        expectMembers(chunked.members, expected)
        #expect(decoder.finish() == nil)
        #expect(decoder.reachedEnd)
    }

    @Test func damagedHeaderIsRejectedOnceThenReadingResumes() throws {
        var tar = TarBuilder()
        tar.file("first.nc", Array("first".utf8))
        var damaged = TarBuilder()
        damaged.file("second.nc", Array("lost".utf8))
        var block = Array(damaged.bytes[0..<512])
        block[0] ^= 0xFF  // the checksum no longer matches
        tar.raw(block)
        tar.raw(noise(1536, seed: 3))  // more garbage: still one reject
        tar.file("third.nc", Array("third".utf8))
        tar.end()
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("t.tar", tar.bytes), label: "t.tar")
        #expect(out.trace == ["member first.nc", "reject corrupt_archive -", "member third.nc"])
        let reject = try #require(out.rejects.first)
        #expect(reject.stage == .read)
        #expect(reject.source == SourceRef(archive: "t.tar", member: nil))
        #expect(reject.message.contains("byte 1024"))
        #expect(reject.excerpt?.isEmpty == false)
        #expect(out.summary.failure == nil)
    }

    @Test func plainTarCutInsideAMemberIsTruncated() throws {
        var tar = TarBuilder()
        tar.file("one.nc", noise(3000, seed: 1))
        tar.file("two.nc", noise(3000, seed: 2))
        tar.end()
        let cut = Array(tar.bytes[0..<(512 + 3072 + 512 + 1000)])
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("t.tar", cut))
        #expect(out.trace == ["member one.nc"])
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .truncatedArchive)
        #expect(failure.keepable)
        #expect(failure.reject.message.contains("two.nc"))
    }

    @Test func oversizedMemberIsSkippedWithoutBeingHeld() throws {
        let limit = 1 << 20
        var tar = TarBuilder()
        tar.file("big.nc", [UInt8](repeating: 0x20, count: 5 << 20))
        tar.file("small.nc", Array("small".utf8))
        tar.end()
        for size in [7, 64 * 1024] {
            let (out, decoder) = decodeTar(tar.bytes, chunkSize: size, maxMemberBytes: limit)
            #expect(out.trace == ["reject member_too_large big.nc", "member small.nc"])
            #expect(decoder.largestHeldMember <= limit)
        }
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(
            try dir.write("big.tar.gz", try Deflater.gzip(tar.bytes)),
            limits: ReaderLimits(maxMemberBytes: limit, maxCompressionRatio: 1 << 30))
        #expect(out.trace == ["reject member_too_large big.nc", "member small.nc"])
        #expect(out.rejects.first?.message.contains("5242880") == true)
        #expect(out.summary.failure == nil)
    }

    @Test func emptyArchiveIsEmptyInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var tar = TarBuilder()
        tar.directory("only-a-folder/")
        tar.end()
        for (name, bytes) in [("a.tar", tar.bytes), ("b.tar.gz", try Deflater.gzip(tar.bytes))] {
            let out = readAll(try dir.write(name, bytes))
            #expect(out.trace == ["reject empty_input -"])
            #expect(out.summary.failure == nil)
        }
    }

    @Test func bodyErrorsPropagate() throws {
        struct Cancelled: Error {}
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("t.tar.gz", try Deflater.gzip(variantTar().bytes))
        var seen = 0
        #expect(throws: Cancelled.self) {
            _ = try InputReader().read(path: path, label: "t") { _ in
                seen += 1
                if seen == 2 { throw Cancelled() }
            }
        }
        #expect(seen == 2)
    }
}

/// The header checksum as POSIX writes it (unsigned byte sum) and as some old tars wrote it (signed).
@Suite struct TarChecksumTests {
    /// A tar of one 15-byte member whose name has bytes of 0x80 and above, its checksum field holding
    /// `checksum(header block)`.
    func tar(checksum: ([UInt8]) -> Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        let fields: [(String, Int)] = [("caf\u{e9}-r\u{e9}sum\u{e9}.nc", 0), ("0000644", 100), ("00000000017", 124), ("ustar", 257)]
        for (text, offset) in fields { for (i, byte) in text.utf8.enumerated() { block[offset + i] = byte } }
        block[156] = UInt8(ascii: "0")
        for i in 148..<156 { block[i] = 0x20 }
        for (i, byte) in String(checksum(block), radix: 8).leftPadded(to: 6).utf8.enumerated() { block[148 + i] = byte }
        block[154] = 0
        let data = Array("<SUBMISSION>\nx\n".utf8)
        return block + data + [UInt8](repeating: 0, count: 512 - data.count) + [UInt8](repeating: 0, count: 1024)
    }

    /// The member paths read: the tar member's name when its header is valid; a file that is not a tar is one
    /// member without a path.
    func paths(_ bytes: [UInt8]) throws -> [String?] {
        let dir = try TempDir()
        defer { dir.remove() }
        return readAll(try dir.write("old.tar", bytes), label: "old.tar").members.map(\.path)
    }

    @Test func unsignedAndSignedChecksumsAreBothAccepted() throws {
        let unsigned = { (block: [UInt8]) in block.reduce(0) { $0 + Int($1) } }
        let signed = { (block: [UInt8]) in block.reduce(0) { $0 + Int(Int8(bitPattern: $1)) } }
        #expect(tar(checksum: unsigned) != tar(checksum: signed))
        #expect(try paths(tar(checksum: unsigned)) == ["caf\u{e9}-r\u{e9}sum\u{e9}.nc"])
        #expect(try paths(tar(checksum: signed)) == ["caf\u{e9}-r\u{e9}sum\u{e9}.nc"])
        #expect(try paths(tar(checksum: { unsigned($0) + 1 })) == [nil])
        #expect(try paths(tar(checksum: { signed($0) - 1 })) == [nil])
    }
}
