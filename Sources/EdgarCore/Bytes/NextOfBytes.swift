/// The next occurrence of any of a few bytes in a buffer, for a caller that moves forward only. Each byte is
/// found with memchr and remembered, so every byte of the buffer is passed over once per wanted byte.
public struct NextOfBytes {
    @usableFromInline let buffer: UnsafeBufferPointer<UInt8>
    @usableFromInline let wanted: [UInt8]
    /// Per wanted byte, its next index at or after the last position asked for (or `buffer.count`).
    @usableFromInline var next: [Int]

    public init(_ wanted: [UInt8], in buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        self.wanted = wanted
        self.next = [Int](repeating: -1, count: wanted.count)
    }

    /// The first index at or after `position` holding one of the wanted bytes, or `buffer.count`.
    @inlinable
    public mutating func index(from position: Int) -> Int {
        var nearest = buffer.count
        for k in 0..<wanted.count {
            if next[k] < position {
                next[k] = ByteSearch.firstIndex(of: wanted[k], in: buffer, from: position, end: buffer.count) ?? buffer.count
            }
            nearest = min(nearest, next[k])
        }
        return nearest
    }
}
