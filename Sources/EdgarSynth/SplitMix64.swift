/// The generator's only source of randomness: SplitMix64 (Steele, Lea & Flood 2014), a 64-bit state that
/// gives the same stream for the same seed on every platform and Swift version. The bounded helpers below
/// are written out by hand, not borrowed from the standard library's `random(in:using:)`, whose algorithm
/// is not promised to stay the same, so a seed names the same archive for good.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, by rejection so no value is favoured.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the whole 64-bit range
        let limit = UInt64.max - UInt64.max % span
        var draw = next()
        while draw >= limit { draw = next() }
        return range.lowerBound + Int(draw % span)
    }

    /// True with probability `percent` / 100 (`percent` may be fractional: 0.5 is one in two hundred).
    public mutating func chance(_ percent: Double) -> Bool {
        let unit = Double(next() >> 11) * 0x1.0p-53
        return unit * 100 < percent
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(0...(items.count - 1))]
    }

    /// Picks an item with probability proportional to its weight.
    public mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        precondition(total > 0, "weights must add up to more than zero")
        var draw = int(0...(total - 1))
        for (item, weight) in items {
            if draw < weight { return item }
            draw -= weight
        }
        return items[items.count - 1].0
    }

    /// Fisher–Yates, driven by this generator.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(0...i))
        }
    }

    /// `length` ASCII digits.
    public mutating func digits(_ length: Int) -> String {
        var s = ""
        for _ in 0..<length { s.append(Character(Unicode.Scalar(UInt8(48 + int(0...9))))) }
        return s
    }

    /// `n` random bytes (for fake binary attachments).
    public mutating func bytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n + 8)
        while out.count < n {
            var word = next()
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        out.removeLast(out.count - n)
        return out
    }
}
