import EdgarCompression
import EdgarTestSupport
import Foundation
import Testing

@Suite struct InflaterTests {
    /// Realistic, compressible bytes (XML-ish text with varying numbers).
    static let payload: [UInt8] = {
        var text = ""
        for i in 0..<4000 { text += "<transactionShares><value>\(i * 37 % 9973).\(i % 100)</value></transactionShares>\n" }
        return Array(text.utf8)
    }()

    func inflate(_ compressed: [UInt8], chunk: Int, format: Inflater.Format = .gzip) throws -> [UInt8] {
        let inflater = Inflater(format: format, outputChunkSize: 4096)
        var out: [UInt8] = []
        for piece in chunks(of: compressed, size: chunk) {
            try piece.withUnsafeBytes { try inflater.feed($0) { out.append(contentsOf: $0) } }
        }
        try inflater.finish()
        return out
    }

    @Test(arguments: standardChunkSizes)
    func sameOutputWhateverTheChunking(chunk: Int) throws {
        let gz = try Deflater.gzip(Self.payload)
        #expect(try inflate(gz, chunk: chunk) == Self.payload)
        let raw = try Deflater.compress(Self.payload, format: .raw)
        #expect(try inflate(raw, chunk: chunk, format: .raw) == Self.payload)
    }

    @Test(arguments: standardChunkSizes)
    func multiMemberGzipIsOneStream(chunk: Int) throws {
        let a = Array(Self.payload.prefix(5000))
        let b = Array(Self.payload.dropFirst(5000))
        let joined = try Deflater.gzip(a) + Deflater.gzip(b) + Deflater.gzip([])
        #expect(try inflate(joined, chunk: chunk) == Self.payload)
    }

    @Test func agreesWithGzipTheTool() throws {
        let gzip = try GzipTool.decompress(bytes: try Deflater.gzip(Self.payload))
        #expect(gzip.status == 0)
        #expect(gzip.bytes == Self.payload)
    }

    @Test func deflateOutputIsDeterministic() throws {
        #expect(try Deflater.gzip(Self.payload) == Deflater.gzip(Self.payload))
    }

    @Test func truncationIsItsOwnError() throws {
        let gz = try Deflater.gzip(Self.payload)
        for cut in [1, 10, gz.count / 2, gz.count - 1] {
            #expect {
                _ = try inflate(Array(gz.prefix(cut)), chunk: 7)
            } throws: { ($0 as? InflateError)?.kind == .truncated }
        }
    }

    @Test func checksumMismatchIsNotCorruption() throws {
        var gz = try Deflater.gzip(Self.payload)
        gz[gz.count - 6] ^= 0xff  // inside the CRC-32 of the trailer
        #expect {
            _ = try inflate(gz, chunk: 64 * 1024)
        } throws: { ($0 as? InflateError)?.kind == .checksumMismatch }
    }

    @Test func corruptBlocksAndTrailingGarbageAreCorrupt() throws {
        var gz = try Deflater.gzip(Self.payload)
        gz[12] ^= 0x55
        gz[13] ^= 0xaa
        #expect { _ = try inflate(gz, chunk: 1024) } throws: {
            let kind = ($0 as? InflateError)?.kind
            return kind == .corrupt || kind == .checksumMismatch
        }
        let trailing = try Deflater.gzip(Self.payload) + Array("garbage".utf8)
        #expect { _ = try inflate(trailing, chunk: 1024) } throws: { ($0 as? InflateError)?.kind == .corrupt }
    }

    @Test func inflateAllEnforcesTheLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let bomb = try Deflater.compress(zeros, format: .raw)
        #expect {
            _ = try bomb.withUnsafeBytes { try Inflater.inflateAll($0, format: .raw, limit: DecompressionLimit(maxOutputBytes: 1 << 20)) }
        } throws: { ($0 as? InflateError)?.kind == .limitExceeded }
        #expect {
            _ = try bomb.withUnsafeBytes { try Inflater.inflateAll($0, format: .raw, limit: DecompressionLimit(maxRatio: 100)) }
        } throws: { ($0 as? InflateError)?.kind == .limitExceeded }
        let fine = try bomb.withUnsafeBytes { try Inflater.inflateAll($0, format: .raw, limit: DecompressionLimit(maxOutputBytes: 16 << 20)) }
        #expect(fine.count == zeros.count)
    }

    @Test func crc32MatchesTheKnownValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}

/// The gzip framing the inflater reads itself (RFC 1952 §2.3): optional header fields, header CRC, trailer checks.
@Suite struct GzipFramingTests {
    static let payload = InflaterTests.payload

    /// A member with every optional header field, built by hand around raw DEFLATE data.
    static func member(name: String? = "filing.nc", comment: String? = "note", extra: [UInt8]? = [1, 2, 3, 4, 5],
                       headerCRC: Bool = true, payload: [UInt8] = payload) throws -> [UInt8] {
        var flags: UInt8 = 0
        if headerCRC { flags |= 0x02 }
        if extra != nil { flags |= 0x04 }
        if name != nil { flags |= 0x08 }
        if comment != nil { flags |= 0x10 }
        var header: [UInt8] = [0x1f, 0x8b, 8, flags, 0x78, 0x56, 0x34, 0x12, 0, 3]
        if let extra { header += [UInt8(extra.count & 0xff), UInt8(extra.count >> 8)] + extra }
        if let name { header += Array(name.utf8) + [0] }
        if let comment { header += Array(comment.utf8) + [0] }
        if headerCRC {
            let crc = CRC32.checksum(header)
            header += [UInt8(crc & 0xff), UInt8((crc >> 8) & 0xff)]
        }
        let crc = CRC32.checksum(payload)
        let size = UInt32(truncatingIfNeeded: payload.count)
        let trailer = [crc, size].flatMap { v in (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xff) } }
        return header + (try Deflater.compress(payload, format: .raw)) + trailer
    }

    func inflate(_ bytes: [UInt8], chunk: Int) throws -> [UInt8] {
        try InflaterTests().inflate(bytes, chunk: chunk)
    }

    @Test(arguments: standardChunkSizes)
    func optionalHeaderFieldsAreSkippedInEveryChunking(chunk: Int) throws {
        let full = try Self.member()
        let bare = try Self.member(name: nil, comment: nil, extra: nil, headerCRC: false)
        let emptyExtra = try Self.member(name: nil, comment: nil, extra: [], headerCRC: true)
        #expect(try inflate(full + bare + emptyExtra, chunk: chunk) == Self.payload + Self.payload + Self.payload)
    }

    @Test func aLongNameAndALargeExtraFieldAreFine() throws {
        let member = try Self.member(name: String(repeating: "n", count: 70_000), extra: [UInt8](repeating: 7, count: 65_535))
        #expect(try inflate(member, chunk: 4096) == Self.payload)
    }

    @Test func gzipTheToolReadsTheSameMember() throws {
        let gzip = try GzipTool.decompress(bytes: try Self.member())
        #expect(gzip.status == 0)
        #expect(gzip.bytes == Self.payload)
    }

    @Test func aBadHeaderIsCorrupt() throws {
        var badCRC = try Self.member()
        let crcAt = 10 + 2 + 5 + "filing.nc".utf8.count + 1 + "note".utf8.count + 1
        badCRC[crcAt] ^= 0xff
        var badMethod = try Self.member()
        badMethod[2] = 7
        var reservedFlag = try Self.member()
        reservedFlag[3] |= 0x80
        var badMagic = try Self.member()
        badMagic[1] = 0x8c
        for (bytes, message) in [(badCRC, "header crc mismatch"), (badMethod, "unknown compression method"),
                                 (reservedFlag, "unknown header flags set"), (badMagic, "incorrect header check")] {
            #expect { _ = try inflate(bytes, chunk: 3) } throws: {
                guard let error = $0 as? InflateError else { return false }
                return error.kind == .corrupt && error.message.contains(message)
            }
        }
    }

    @Test func aWrongLengthIsAChecksumMismatch() throws {
        var member = try Self.member()
        member[member.count - 1] ^= 0x01
        #expect { _ = try inflate(member, chunk: 1000) } throws: {
            guard let error = $0 as? InflateError else { return false }
            return error.kind == .checksumMismatch && error.message.contains("length")
        }
    }

    @Test func aCutInsideTheHeaderOrTrailerIsTruncated() throws {
        let member = try Self.member()
        for cut in [5, 14, 20, member.count - 4] {
            #expect { _ = try inflate(Array(member.prefix(cut)), chunk: 7) } throws: {
                ($0 as? InflateError)?.kind == .truncated
            }
        }
    }

    @Test(arguments: [1, 2, 6, 9])
    func compressedMembersInflateBackAtEveryLevel(level: Int32) throws {
        let compressor = try GzipMemberCompressor(level: level)
        var file: [UInt8] = []
        for slice in [Array(Self.payload.prefix(100_000)), [], Array(Self.payload.dropFirst(100_000))] {
            try slice.withUnsafeBytes { try compressor.compress($0) { file.append(contentsOf: $0) } }
        }
        #expect(try inflate(file, chunk: 64 * 1024) == Self.payload)
        var again: [UInt8] = []
        try Self.payload.withUnsafeBytes { try compressor.compress($0) { again.append(contentsOf: $0) } }
        var twice: [UInt8] = []
        try Self.payload.withUnsafeBytes { try compressor.compress($0) { twice.append(contentsOf: $0) } }
        #expect(again == twice)
    }
}
