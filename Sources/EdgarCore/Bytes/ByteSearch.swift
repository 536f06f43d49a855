import Glibc

/// memchr-driven search over a byte buffer, shared by the SGML scanner and the text-layout parser: both look for
/// a needle by its rarest byte, in either case when it is a letter, and only then compare the whole needle.
public enum ByteSearch {
    /// The first index in `from..<end` of `buffer` holding `byte` (memchr).
    @inlinable
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        guard from < end, let base = buffer.baseAddress, let hit = memchr(base + from, Int32(byte), end - from) else {
            return nil
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first index in `from..<end` holding `byte` in either ASCII case (`byte` given in lower case) for which
    /// `accept` holds. The two case cursors only move forward, so every byte is passed over at most twice.
    @inlinable
    public static func firstIndex(
        ofEitherCase byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int, where accept: (Int) -> Bool
    ) -> Int? {
        let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte & ~0x20 : byte
        var nextLower = firstIndex(of: byte, in: buffer, from: from, end: end)
        var nextUpper = upper == byte ? nil : firstIndex(of: upper, in: buffer, from: from, end: end)
        while true {
            let hit: Int
            switch (nextLower, nextUpper) {
            case (nil, nil): return nil
            case (let l?, nil): hit = l
            case (nil, let u?): hit = u
            case (let l?, let u?): hit = min(l, u)
            }
            if accept(hit) { return hit }
            if hit == nextLower { nextLower = firstIndex(of: byte, in: buffer, from: hit + 1, end: end) }
            if hit == nextUpper { nextUpper = firstIndex(of: upper, in: buffer, from: hit + 1, end: end) }
        }
    }
}
