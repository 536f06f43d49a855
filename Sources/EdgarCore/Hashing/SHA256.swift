import CEdgarCrypto

/// Streaming SHA-256 (FIPS 180-4) over OpenSSL's libcrypto. Used for manifests (every input and output byte
/// is hashed) and for the `sha256:` filing ids, so its speed shows in the whole run's profile.
///
/// Non-copyable: it owns an OpenSSL digest context, freed when the hasher goes away.
public struct SHA256: ~Copyable {
    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.context = context
        SHA256.start(context)
    }

    deinit { EVP_MD_CTX_free(context) }

    private static func start(_ context: OpaquePointer) {
        // Only fails on allocation failure or an unknown digest; neither is recoverable here.
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex failed")
    }

    public mutating func update(buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        precondition(EVP_DigestUpdate(context, base, buffer.count) == 1, "EVP_DigestUpdate failed")
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update(buffer: $0) } }
    }

    /// The 32-byte digest of everything so far; the hasher then starts over, empty.
    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer {
            precondition(EVP_DigestFinal_ex(context, $0.baseAddress, &length) == 1 && length == 32, "EVP_DigestFinal_ex failed")
        }
        SHA256.start(context)
        return digest
    }

    /// Lower-case hex of the digest; the hasher then starts over, empty.
    public mutating func hexDigest() -> String { SHA256.hex(finalize()) }

    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hexDigest<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.hexDigest()
    }
}
