import EdgarCore
import Foundation
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(input.utf8)) == expected)
    }

    @Test func sameDigestWhateverTheChunking() {
        var generator = SplitMix(seed: 7)
        let bytes = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let whole = SHA256.hexDigest(of: bytes)
        for size in [1, 7, 63, 64, 65, 4096] {
            var hasher = SHA256()
            var at = 0
            while at < bytes.count {
                hasher.update(bytes[at..<min(at + size, bytes.count)])
                at += size
            }
            #expect(hasher.hexDigest() == whole, "chunk size \(size)")
        }
    }

    @Test func agreesWithSha256sum() throws {
        let path = NSTemporaryDirectory() + "sha-\(UUID().uuidString)"
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(out.split(separator: " ").first.map(String.init) == SHA256.hexDigest(of: bytes))
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
