/// Writes a POSIX ustar archive, with GNU `././@LongLink` ('L') records for names longer than 100 bytes
/// (the form GNU tar writes and most readers accept). Output accumulates in `bytes`; `takeBytes()` hands out
/// what is ready so a large archive can be streamed without holding it in memory.
public struct TarWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var finished = false
    /// Modification time (seconds since 1970) stamped on every entry; fixed so output is reproducible.
    public var mtime: Int

    public init(mtime: Int = 0) {
        self.mtime = mtime
    }

    public mutating func addFile(name: String, contents: [UInt8], mode: Int = 0o644) {
        appendEntry(name: name, type: UInt8(ascii: "0"), size: contents.count, mode: mode, linkName: "")
        bytes.append(contentsOf: contents)
        padToBlock()
    }

    public mutating func addDirectory(name: String, mode: Int = 0o755) {
        appendEntry(name: name.hasSuffix("/") ? name : name + "/", type: UInt8(ascii: "5"), size: 0, mode: mode, linkName: "")
    }

    public mutating func addSymlink(name: String, target: String) {
        appendEntry(name: name, type: UInt8(ascii: "2"), size: 0, mode: 0o777, linkName: target)
    }

    /// Writes the end-of-archive marker: two zero blocks.
    public mutating func finish() {
        precondition(!finished, "TarWriter finished twice")
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 1024))
        finished = true
    }

    /// Returns the bytes written so far and forgets them.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func appendEntry(name: String, type: UInt8, size: Int, mode: Int, linkName: String) {
        precondition(!finished, "TarWriter used after finish()")
        let nameBytes = Array(name.utf8)
        if nameBytes.count > 100 {
            // GNU long name: a pseudo-entry whose data is the full NUL-terminated name.
            bytes.append(contentsOf: header(name: Array("././@LongLink".utf8), type: UInt8(ascii: "L"), size: nameBytes.count + 1,
                                            mode: 0o644, linkName: [], gnu: true))
            bytes.append(contentsOf: nameBytes)
            bytes.append(0)
            padToBlock()
        }
        bytes.append(contentsOf: header(name: Array(nameBytes.prefix(100)), type: type, size: size, mode: mode,
                                        linkName: Array(linkName.utf8.prefix(100)), gnu: nameBytes.count > 100))
    }

    private func header(name: [UInt8], type: UInt8, size: Int, mode: Int, linkName: [UInt8], gnu: Bool) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ field: [UInt8], at offset: Int) {
            for (i, b) in field.enumerated() { h[offset + i] = b }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            // width-1 zero-padded octal digits and a NUL.
            var digits = Array(String(value, radix: 8).utf8)
            while digits.count < width - 1 { digits.insert(UInt8(ascii: "0"), at: 0) }
            return digits + [0]
        }
        put(name, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(mtime, width: 12), at: 136)
        h[156] = type
        put(linkName, at: 157)
        // GNU headers say "ustar  \0"; POSIX ones "ustar\0" + version "00".
        put(gnu ? Array("ustar  ".utf8) + [0] : Array("ustar".utf8) + [0] + Array("00".utf8), at: 257)
        put(Array("edgar".utf8), at: 265)
        put(Array("edgar".utf8), at: 297)
        // The checksum is computed with its own field read as eight spaces.
        for i in 148..<156 { h[i] = 0x20 }
        let sum = h.reduce(0) { $0 + Int($1) }
        var checksum = Array(String(sum, radix: 8).utf8)
        while checksum.count < 6 { checksum.insert(UInt8(ascii: "0"), at: 0) }
        put(checksum + [0, 0x20], at: 148)
        return h
    }

    private mutating func padToBlock() {
        let rest = bytes.count % 512
        if rest != 0 { bytes.append(contentsOf: [UInt8](repeating: 0, count: 512 - rest)) }
    }
}
