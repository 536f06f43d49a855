import EdgarCore
import Testing

/// `UTF8Validation.isValid` against the standard library's decoding, around the eight-byte ASCII fast path.
@Suite struct UTF8ValidationTests {
    static func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    @Test(arguments: 0..<20)
    func agreesWithTheStandardLibrary(asciiPrefix: Int) {
        let prefix = [UInt8](repeating: UInt8(ascii: "a"), count: asciiPrefix)
        let tails: [[UInt8]] = [
            [], [0xC3, 0xBC], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80], [0x92], [0xC3], [0xE2, 0x80],
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], Array("plain".utf8),
        ]
        for tail in tails {
            for bytes in [prefix + tail, prefix + tail + Array("after".utf8)] {
                let got = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
                #expect(got == Self.standard(bytes), "\(bytes)")
            }
        }
    }
}
