import EdgarCompression
import Foundation

/// A tiny tar writer for fixtures: ustar or GNU headers, long names, pax records, base-256 sizes.
struct TarBuilder {
    private(set) var bytes: [UInt8] = []

    enum Magic { case posix, gnu }

    mutating func file(
        _ name: String, _ data: [UInt8], prefix: String = "", typeflag: Character = "0", magic: Magic = .posix,
        base256Size: Bool = false
    ) {
        header(name: name, size: data.count, typeflag: typeflag, prefix: prefix, magic: magic, base256Size: base256Size)
        appendData(data)
    }

    mutating func directory(_ name: String) { header(name: name, size: 0, typeflag: "5") }

    mutating func symlink(_ name: String, to target: String) {
        header(name: name, size: 0, typeflag: "2", linkName: target)
    }

    /// A GNU long name ('L') entry, then the file with a cut-down name field.
    mutating func gnuLongNameFile(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8) + [0]
        header(name: "././@LongLink", size: nameBytes.count, typeflag: "L", magic: .gnu)
        appendData(nameBytes)
        file(String(name.prefix(99)), data, magic: .gnu)
    }

    /// A pax extended header ('x', or 'g' when global) with the given records.
    mutating func pax(_ records: [(String, String)], global: Bool = false) {
        var data: [UInt8] = []
        for (key, value) in records {
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while "\(length)".utf8.count + body.utf8.count != length { length += 1 }
            data += Array("\(length)\(body)".utf8)
        }
        header(name: "PaxHeaders/x", size: data.count, typeflag: global ? "g" : "x")
        appendData(data)
    }

    mutating func raw(_ block: [UInt8]) { bytes += block }

    mutating func end() { bytes += [UInt8](repeating: 0, count: 1024) }

    mutating func header(
        name: String, size: Int, typeflag: Character, prefix: String = "", linkName: String = "",
        magic: Magic = .posix, base256Size: Bool = false
    ) {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ string: String, at offset: Int, max: Int) {
            for (i, byte) in string.utf8.prefix(max).enumerated() { block[offset + i] = byte }
        }
        put(name, at: 0, max: 100)
        put("0000644", at: 100, max: 8)
        put("0000000", at: 108, max: 8)
        put("0000000", at: 116, max: 8)
        if base256Size {
            block[124] = 0x80
            var value = size
            for i in stride(from: 135, to: 124, by: -1) {
                block[i] = UInt8(value & 0xff)
                value >>= 8
            }
        } else {
            put(String(size, radix: 8).leftPadded(to: 11), at: 124, max: 11)
        }
        put("00000000000", at: 136, max: 11)
        block[156] = typeflag.asciiValue!
        put(linkName, at: 157, max: 100)
        switch magic {
        case .posix:
            put("ustar", at: 257, max: 6)
            put("00", at: 263, max: 2)
            put(prefix, at: 345, max: 155)
        case .gnu:
            put("ustar  ", at: 257, max: 8)
        }
        for i in 148..<156 { block[i] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(String(sum, radix: 8).leftPadded(to: 6), at: 148, max: 6)
        block[154] = 0
        bytes += block
    }

    private mutating func appendData(_ data: [UInt8]) {
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// A tiny zip writer for fixtures: stored/deflate (any other method number is written as stored bytes),
/// the encryption flag, a wrong CRC, zip64 extra fields and a zip64 end record.
struct ZipBuilder {
    struct Options {
        var method = 0
        var encrypted = false
        var wrongCRC = false
        var zip64Extra = false
    }

    private var body: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ data: [UInt8], _ options: Options = Options()) throws {
        let stored = options.method == 8 ? try Deflater.compress(data, format: .raw, level: 9) : data
        var crc = CRC32.checksum(data)
        if options.wrongCRC { crc ^= 0xDEAD_BEEF }
        let flags = options.encrypted ? 1 : 0
        let offset = body.count
        let nameBytes = Array(name.utf8)
        let saturated = 0xFFFF_FFFF
        var localExtra: [UInt8] = []
        var centralExtra: [UInt8] = []
        if options.zip64Extra {
            localExtra = le16(1) + le16(16) + le64(data.count) + le64(stored.count)
            centralExtra = le16(1) + le16(24) + le64(data.count) + le64(stored.count) + le64(offset)
        }
        let (usize, csize, headerOffset) =
            options.zip64Extra ? (saturated, saturated, saturated) : (data.count, stored.count, offset)
        body += le32(0x0403_4b50) + le16(45) + le16(flags) + le16(options.method) + le16(0) + le16(0) + le32(Int(crc))
        body += le32(csize) + le32(usize) + le16(nameBytes.count) + le16(localExtra.count) + nameBytes + localExtra
        body += stored
        central += le32(0x0201_4b50) + le16(45) + le16(45) + le16(flags) + le16(options.method) + le16(0) + le16(0)
        central += le32(Int(crc)) + le32(csize) + le32(usize) + le16(nameBytes.count) + le16(centralExtra.count)
        central += le16(0) + le16(0) + le16(0) + le32(0) + le32(headerOffset) + nameBytes + centralExtra
        count += 1
    }

    /// The local records so far, without a central directory: a zip cut before its end.
    var withoutDirectory: [UInt8] { body }

    func build(zip64EndRecord: Bool = false) -> [UInt8] {
        var out = body + central
        let directoryOffset = body.count
        if zip64EndRecord {
            let recordOffset = out.count
            out += le32(0x0606_4b50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(count) + le64(count) + le64(central.count) + le64(directoryOffset)
            out += le32(0x0706_4b50) + le32(0) + le64(recordOffset) + le32(1)
            out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
            out += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(count) + le16(count)
            out += le32(central.count) + le32(directoryOffset) + le16(0)
        }
        return out
    }
}

func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
func le32(_ v: Int) -> [UInt8] { le16(v & 0xffff) + le16(v >> 16 & 0xffff) }
func le64(_ v: Int) -> [UInt8] { le32(v & 0xffff_ffff) + le32(v >> 32 & 0xffff_ffff) }

/// Deterministic incompressible bytes (xorshift), so sizes after gzip stay close to the input's.
func noise(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed
    var out = [UInt8]()
    out.reserveCapacity(count)
    for _ in 0..<count {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        out.append(UInt8(truncatingIfNeeded: state))
    }
    return out
}

/// A fresh temporary folder; `remove()` deletes it.
struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "edgar-readers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func makeFolder(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
