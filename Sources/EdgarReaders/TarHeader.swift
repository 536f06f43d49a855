/// One 512-byte tar header block, parsed (ustar, GNU and pax share this layout).
struct TarHeader {
    static let blockSize = 512
    /// Sizes above this are treated as garbage: no real member is a petabyte, and it keeps arithmetic safe.
    static let maxPlausibleSize = 1 << 50

    /// `name`, joined to the ustar `prefix` when there is one; NUL-terminated fields cut at the NUL.
    var name: [UInt8]
    var size: Int
    var typeflag: UInt8

    /// Types whose size field does not announce data (as in Go's archive/tar): links, devices, directories, FIFOs.
    var isHeaderOnly: Bool { (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(typeflag) }
    var isRegularFile: Bool { typeflag == UInt8(ascii: "0") || typeflag == 0 || typeflag == UInt8(ascii: "7") }

    /// The header in `block`, or nil when the block is not a valid header (bad checksum or size field).
    init?(_ block: UnsafeRawBufferPointer) {
        precondition(block.count == TarHeader.blockSize)
        guard TarHeader.checksumMatches(block) else { return nil }
        guard let size = TarHeader.number(block, 124, 12), size <= TarHeader.maxPlausibleSize else { return nil }
        self.size = size
        typeflag = block[156]
        var name = TarHeader.cString(block, 0, 100)
        // POSIX ustar ("ustar\0") keeps a path prefix at 345; GNU ("ustar  ") keeps other fields there.
        let isPOSIXUstar = block[257] == 0x75 && block[258] == 0x73 && block[259] == 0x74 && block[260] == 0x61
            && block[261] == 0x72 && block[262] == 0
        if isPOSIXUstar {
            let prefix = TarHeader.cString(block, 345, 155)
            if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
        }
        self.name = name
    }

    static func isZeroBlock(_ block: UnsafeRawBufferPointer) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// The checksum field against the sum of the block with that field read as spaces (unsigned, as POSIX says,
    /// or signed, as some old tars wrote it).
    static func checksumMatches(_ block: UnsafeRawBufferPointer) -> Bool {
        guard let stored = number(block, 148, 8) else { return false }
        // The whole block summed eight bytes at a time, then the field swapped for 8 spaces. The signed sum is
        // only needed when the unsigned one fails: it is the unsigned sum less 256 for every byte of 0x80 or more.
        let unsigned = byteSum(block, 0, blockSize) - byteSum(block, 148, 8) + 8 * 0x20
        if stored == unsigned { return true }
        var high = 0
        for (i, byte) in block.enumerated() where byte >= 0x80 && !(148..<156).contains(i) { high += 1 }
        return stored == unsigned - 256 * high
    }

    /// The sum of `count` bytes (a multiple of 8, at most 512) from `offset`, added eight at a time: each word's
    /// bytes are split into four 16-bit lanes (even bytes, odd bytes), which cannot overflow for 512 bytes
    /// (64 words × 2 × 255 < 65,536), and the lanes are added together at the end. Byte order does not matter.
    @inline(__always)
    static func byteSum(_ block: UnsafeRawBufferPointer, _ offset: Int, _ count: Int) -> Int {
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        var lanes: UInt64 = 0
        for word in stride(from: offset, to: offset + count, by: 8) {
            let bytes = block.loadUnaligned(fromByteOffset: word, as: UInt64.self)
            lanes &+= (bytes & evenBytes) &+ ((bytes >> 8) & evenBytes)
        }
        let pairs = (lanes & 0x0000_FFFF_0000_FFFF) &+ ((lanes >> 16) & 0x0000_FFFF_0000_FFFF)
        return Int(truncatingIfNeeded: (pairs & 0xFFFF_FFFF) &+ (pairs >> 32))
    }

    /// A numeric field: octal digits (leading spaces, ended by NUL or space), or GNU base-256 when the top
    /// bit of the first byte is set. nil for anything else, including negative base-256 values.
    static func number(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> Int? {
        let first = block[offset]
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }
            var value = 0
            for i in (offset + 1)..<(offset + length) {
                guard value <= (Int.max >> 8) else { return nil }
                value = value << 8 | Int(block[i])
            }
            return value
        }
        var i = offset
        let end = offset + length
        while i < end && block[i] == 0x20 { i += 1 }
        var value = 0
        var digits = 0
        while i < end, block[i] >= 0x30, block[i] <= 0x37 {
            guard value <= (Int.max >> 3) else { return nil }
            value = value << 3 | Int(block[i] - 0x30)
            digits += 1
            i += 1
        }
        // Whatever follows the digits must be terminators only.
        while i < end {
            guard block[i] == 0 || block[i] == 0x20 else { return nil }
            i += 1
        }
        // An all-NUL field reads as 0 (seen in size fields of directories); the checksum has digits anyway.
        return digits == 0 && offset == 148 ? nil : value
    }

    static func cString(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> [UInt8] {
        let field = block[offset..<(offset + length)]
        if let nul = field.firstIndex(of: 0) { return Array(block[offset..<nul]) }
        return Array(field)
    }
}

/// pax extended header records: `"<length> <key>=<value>\n"`, length counting the whole record.
enum PaxRecords {
    static func parse(_ data: [UInt8]) -> [(key: [UInt8], value: [UInt8])] {
        var records: [(key: [UInt8], value: [UInt8])] = []
        var at = 0
        while at < data.count {
            var length = 0
            var i = at
            while i < data.count, data[i] >= 0x30, data[i] <= 0x39, length < 1 << 30 {
                length = length * 10 + Int(data[i] - 0x30)
                i += 1
            }
            guard i < data.count, data[i] == 0x20, length > i - at + 1, at + length <= data.count,
                data[at + length - 1] == 0x0A
            else { break }  // a malformed record: keep what came before it
            let body = data[(i + 1)..<(at + length - 1)]
            if let equals = body.firstIndex(of: UInt8(ascii: "=")) {
                records.append((Array(body[..<equals]), Array(body[(equals + 1)...])))
            }
            at += length
        }
        return records
    }
}
