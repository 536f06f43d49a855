/// Splits a fuzz input into a chunking plan and a payload, so the fuzzer explores chunk boundaries as well as
/// content. Layout: byte 0 (mod 8) says how many size bytes follow; each size byte `s` gives a chunk of
/// `1 + 3 * s` bytes (1…763), cycling; `s == 255` means "the rest at once". No size bytes: one chunk.
public struct ChunkPlan {
    public let payload: [UInt8]
    private let sizes: [UInt8]

    public init(_ input: [UInt8]) {
        guard let first = input.first else {
            payload = []
            sizes = []
            return
        }
        let count = min(Int(first % 8), input.count - 1)
        sizes = Array(input[1..<(1 + count)])
        payload = Array(input[(1 + count)...])
    }

    /// The payload's chunks, in order, covering it exactly.
    public var chunks: [ArraySlice<UInt8>] {
        guard !sizes.isEmpty else { return payload.isEmpty ? [] : [payload[...]] }
        var result: [ArraySlice<UInt8>] = []
        var at = 0
        var i = 0
        while at < payload.count {
            let s = sizes[i % sizes.count]
            let size = s == 255 ? payload.count - at : min(1 + 3 * Int(s), payload.count - at)
            result.append(payload[at..<(at + size)])
            at += size
            i += 1
        }
        return result
    }

    /// The prefix that makes `payload` one chunk (for seeds).
    public static let wholePrefix: [UInt8] = [0]
}
