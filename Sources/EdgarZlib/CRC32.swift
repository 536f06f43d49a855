import CEdgarZlib

/// CRC-32 (the zip and gzip checksum), through zlib's implementation.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var rest = buffer.count
        var at = base.assumingMemoryBound(to: Bytef.self)
        var crc = uLong(value)
        while rest > 0 {
            let n = min(rest, Int(UInt32.max))
            crc = crc32(crc, at, uInt(n))
            at += n
            rest -= n
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c = CRC32()
        c.update(bytes)
        return c.value
    }
}
