extension Array where Element == UInt8 {
    /// Appends raw bytes with one `memcpy`-style copy (the typed buffer takes the contiguous fast path).
    @inline(__always)
    mutating func append(raw bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }
}
