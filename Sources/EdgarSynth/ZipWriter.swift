import EdgarCompression

/// Writes a zip archive (APPNOTE 6.3): stored or deflated entries, CRC-32, central directory, and zip64
/// records when `forceZip64` is set or an offset or size needs them. All in memory: zips here are small
/// samples and test inputs.
public struct ZipWriter: Sendable {
    public enum Method: Sendable {
        case stored, deflate
    }

    private struct Entry: Sendable {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var offset: Int
        var zip64: Bool
    }

    public private(set) var bytes: [UInt8] = []
    private var entries: [Entry] = []
    private var finished = false
    public let forceZip64: Bool
    /// MS-DOS time and date stamped on every entry (default 2003-11-12 00:00, fixed so output is reproducible).
    public var dosTime: UInt16 = 0
    public var dosDate: UInt16 = UInt16((2003 - 1980) << 9 | 11 << 5 | 12)

    public init(forceZip64: Bool = false) {
        self.forceZip64 = forceZip64
    }

    public mutating func addFile(name: String, contents: [UInt8], method: Method = .deflate) throws {
        precondition(!finished, "ZipWriter used after finish()")
        let data = method == .deflate ? try Deflater.compress(contents, format: .raw) : contents
        let name = Array(name.utf8)
        let offset = bytes.count
        let zip64 = forceZip64 || contents.count >= 0xFFFF_FFFF || data.count >= 0xFFFF_FFFF || offset >= 0xFFFF_FFFF
        let entry = Entry(name: name, method: method == .deflate ? 8 : 0, crc: CRC32.checksum(contents),
                          compressedSize: data.count, size: contents.count, offset: offset, zip64: zip64)
        // Local file header.
        le32(0x0403_4B50)
        le16(zip64 ? 45 : 20)
        le16(nonASCII(name) ? 0x0800 : 0)
        le16(entry.method)
        le16(dosTime)
        le16(dosDate)
        le32(entry.crc)
        le32(zip64 ? 0xFFFF_FFFF : UInt32(entry.compressedSize))
        le32(zip64 ? 0xFFFF_FFFF : UInt32(entry.size))
        le16(UInt16(name.count))
        le16(zip64 ? 20 : 0)
        bytes.append(contentsOf: name)
        if zip64 {
            le16(0x0001)
            le16(16)
            le64(UInt64(entry.size))
            le64(UInt64(entry.compressedSize))
        }
        bytes.append(contentsOf: data)
        entries.append(entry)
    }

    /// Writes the central directory and the end records; returns the whole archive.
    public mutating func finish() -> [UInt8] {
        precondition(!finished, "ZipWriter finished twice")
        finished = true
        let directoryOffset = bytes.count
        for e in entries {
            le32(0x0201_4B50)
            le16(e.zip64 ? 45 : 20)  // made by: MS-DOS attributes, spec version
            le16(e.zip64 ? 45 : 20)
            le16(nonASCII(e.name) ? 0x0800 : 0)
            le16(e.method)
            le16(dosTime)
            le16(dosDate)
            le32(e.crc)
            le32(e.zip64 ? 0xFFFF_FFFF : UInt32(e.compressedSize))
            le32(e.zip64 ? 0xFFFF_FFFF : UInt32(e.size))
            le16(UInt16(e.name.count))
            le16(e.zip64 ? 28 : 0)
            le16(0)  // comment
            le16(0)  // disk
            le16(0)  // internal attributes
            le32(0)  // external attributes
            le32(e.zip64 ? 0xFFFF_FFFF : UInt32(e.offset))
            bytes.append(contentsOf: e.name)
            if e.zip64 {
                le16(0x0001)
                le16(24)
                le64(UInt64(e.size))
                le64(UInt64(e.compressedSize))
                le64(UInt64(e.offset))
            }
        }
        let directorySize = bytes.count - directoryOffset
        let zip64End = forceZip64 || entries.count >= 0xFFFF || directoryOffset >= 0xFFFF_FFFF
        if zip64End {
            let recordOffset = bytes.count
            le32(0x0606_4B50)
            le64(44)  // size of the rest of this record
            le16(45)
            le16(45)
            le32(0)
            le32(0)
            le64(UInt64(entries.count))
            le64(UInt64(entries.count))
            le64(UInt64(directorySize))
            le64(UInt64(directoryOffset))
            le32(0x0706_4B50)  // locator
            le32(0)
            le64(UInt64(recordOffset))
            le32(1)
        }
        le32(0x0605_4B50)
        le16(0)
        le16(0)
        le16(zip64End ? 0xFFFF : UInt16(entries.count))
        le16(zip64End ? 0xFFFF : UInt16(entries.count))
        le32(zip64End ? 0xFFFF_FFFF : UInt32(directorySize))
        le32(zip64End ? 0xFFFF_FFFF : UInt32(directoryOffset))
        le16(0)
        return bytes
    }

    private func nonASCII(_ name: [UInt8]) -> Bool { name.contains { $0 >= 0x80 } }

    private mutating func le16(_ v: UInt16) {
        bytes.append(UInt8(v & 0xFF))
        bytes.append(UInt8(v >> 8))
    }

    private mutating func le32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    private mutating func le64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }
}
