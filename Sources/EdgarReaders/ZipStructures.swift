/// Little-endian fields of zip records, read from byte arrays with bounds already checked by the caller.
extension Array where Element == UInt8 {
    func u16(_ at: Int) -> Int { Int(self[at]) | Int(self[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    func u64(_ at: Int) -> Int {
        // Values past Int.max are nonsense in a zip; clamp so comparisons against the file size reject them.
        let high = u32(at + 4)
        return high >= 1 << 31 ? Int.max : u32(at) | high << 32
    }
    func hasSignature(_ at: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
        at >= 0 && at + 4 <= count && self[at] == 0x50 && self[at + 1] == 0x4b && self[at + 2] == third
            && self[at + 3] == fourth
    }
}

/// Where the central directory is, from the end-of-central-directory record (and its zip64 twin).
struct ZipDirectoryLocation {
    var offset: Int
    var size: Int
    var entries: Int
    /// File offset of the end record: the central directory must end before it.
    var endRecordOffset: Int
}

/// One central directory entry: the authoritative sizes and where the local header is.
struct ZipEntry {
    var rawName: [UInt8]
    var flags: Int
    var method: Int
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    var name: String { MemberName.label(rawName) }
    var isDirectory: Bool { rawName.last == UInt8(ascii: "/") }
    var isEncrypted: Bool { flags & 1 != 0 }

    /// Applies the zip64 extended information extra field (0x0001): it holds, in order, only the values whose
    /// 32-bit fields are saturated.
    mutating func applyZip64(extra: ArraySlice<UInt8>) {
        let extra = Array(extra)
        var at = 0
        while at + 4 <= extra.count {
            let id = extra.u16(at)
            let size = extra.u16(at + 2)
            let body = at + 4
            guard body + size <= extra.count else { return }
            if id == 0x0001 {
                var field = body
                func next() -> Int? {
                    guard field + 8 <= body + size else { return nil }
                    defer { field += 8 }
                    return extra.u64(field)
                }
                if uncompressedSize == 0xFFFF_FFFF, let v = next() { uncompressedSize = v }
                if compressedSize == 0xFFFF_FFFF, let v = next() { compressedSize = v }
                if localHeaderOffset == 0xFFFF_FFFF, let v = next() { localHeaderOffset = v }
                return
            }
            at = body + size
        }
    }
}
