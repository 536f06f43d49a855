import EdgarCompression
import EdgarCore
import EdgarReaders
import EdgarTestSupport
import Testing

@Suite struct GzipTests {
    let xml = Array("<?xml version=\"1.0\"?>\n<ownershipDocument><x>1</x></ownershipDocument>\n".utf8)

    @Test func singlePayloadIsOneMemberWithoutPath() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let gz = try Deflater.gzip(xml)
        let out = readAll(try dir.write("form4.xml.gz", gz), label: "in/form4.xml.gz")
        #expect(out.members.count == 1)
        #expect(out.members.first?.bytes == xml)
        #expect(out.members.first?.path == nil)
        #expect(out.members.first?.archive == "in/form4.xml.gz")
        #expect(out.summary.failure == nil)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: gz))
    }

    @Test func multiMemberGzipIsOnePayload() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let second = noise(300_000, seed: 5)
        let gz = try Deflater.gzip(xml) + Deflater.gzip(second) + Deflater.gzip(xml)
        let out = readAll(try dir.write("x.gz", gz))
        #expect(out.trace == ["member -"])
        #expect(out.members.first?.bytes == xml + second + xml)
        #expect(out.summary.failure == nil)
    }

    @Test func truncatedTarGzKeepsMembersReadBeforeTheCut() throws {
        var tar = TarBuilder()
        for i in 0..<6 { tar.file("m\(i).nc", noise(100_000, seed: UInt64(i + 1))) }
        tar.end()
        let gz = try Deflater.gzip(tar.bytes)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("day.nc.tar.gz", Array(gz[0..<(gz.count * 6 / 10)])))
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .truncatedArchive)
        #expect(failure.keepable)
        #expect(failure.reject.stage == .read)
        #expect(out.members.count >= 2 && out.members.count < 6)
        for (i, member) in out.members.enumerated() {
            #expect(member.path == "m\(i).nc")
            #expect(member.bytes == noise(100_000, seed: UInt64(i + 1)))
        }
        #expect(out.summary.members == out.members.count)
    }

    @Test func crcMismatchIsNotKeepable() throws {
        var gz = try Deflater.gzip(xml)
        gz[gz.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.gz", gz))
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .corruptGzip)
        #expect(!failure.keepable)
        #expect(out.members.isEmpty)
    }

    @Test func corruptDeflateDataIsKeepable() throws {
        var tar = TarBuilder()
        tar.file("a.nc", noise(200_000, seed: 9))
        tar.file("b.nc", noise(200_000, seed: 10))
        tar.end()
        var gz = try Deflater.gzip(tar.bytes)
        // Stored blocks of incompressible data: smash a block header far into the stream.
        for i in (gz.count * 3 / 4)..<(gz.count * 3 / 4 + 64) { gz[i] = 0xFF }
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.tar.gz", gz))
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .corruptGzip)
        #expect(out.summary.bytesRead == gz.count)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: gz))
    }

    @Test func trailingGarbageAfterACompleteMember() throws {
        let gz = try Deflater.gzip(xml) + Array("not gzip".utf8)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.gz", gz))
        let failure = try #require(out.summary.failure)
        #expect(failure.reject.code == .corruptGzip)
        #expect(failure.keepable)
        #expect(out.members.first?.bytes == xml)
    }

    @Test func gzipCutShortIsTruncated() throws {
        let gz = try Deflater.gzip(noise(50_000, seed: 4))
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.gz", Array(gz[0..<(gz.count / 2)])))
        #expect(out.summary.failure?.reject.code == .truncatedArchive)
        #expect(out.summary.failure?.keepable == true)
        #expect(out.members.isEmpty)
    }

    @Test func payloadAboveTheMemberLimitIsRejected() throws {
        let gz = try Deflater.gzip(noise(200_000, seed: 8))
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.gz", gz), limits: ReaderLimits(maxMemberBytes: 100_000))
        #expect(out.trace == ["reject member_too_large -"])
        #expect(out.summary.failure == nil)
        #expect(out.summary.sha256 == SHA256.hexDigest(of: gz))
    }

    @Test func payloadAboveTheRatioIsRejected() throws {
        // Not a tar (a tar's members are judged one by one instead): a single payload, as in `x.xml.gz`.
        let bomb = try Deflater.gzip(Array("<?xml".utf8) + [UInt8](repeating: 0, count: 8 << 20), level: 9)
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("bomb.gz", bomb))
        #expect(out.trace == ["reject member_too_large -"])
        #expect(out.rejects.first?.message.contains("1000 times") == true)
    }

    @Test func emptyPayloadIsEmptyInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("x.gz", try Deflater.gzip([])))
        #expect(out.trace == ["reject empty_input -"])
    }
}
