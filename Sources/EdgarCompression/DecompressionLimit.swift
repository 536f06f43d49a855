/// A guard against decompression bombs (as in swift-nio-extras): an absolute size, a ratio of output to
/// input, or both.
public struct DecompressionLimit: Sendable, Equatable {
    public var maxOutputBytes: Int?
    public var maxRatio: Int?

    public init(maxOutputBytes: Int? = nil, maxRatio: Int? = nil) {
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
    }

    public static let none = DecompressionLimit()

    /// Whether `output` bytes from `input` compressed bytes pass the limit. Ratios are only judged once
    /// there is enough output for them to mean anything (1 MiB), so tiny highly-compressible members pass.
    public func allows(output: Int, input: Int) -> Bool {
        if let maxOutputBytes, output > maxOutputBytes { return false }
        if let maxRatio, output > 1 << 20, output / max(input, 1) > maxRatio { return false }
        return true
    }
}
