import EdgarTestSupport
import EdgarZlib
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
        let path = NSTemporaryDirectory() + "inflater-\(UUID().uuidString).gz"
        try Data(try Deflater.gzip(Self.payload)).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect([UInt8](data) == Self.payload)
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
