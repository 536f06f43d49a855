import EdgarCompression
import EdgarCore

/// A zip file, read through its central directory with `pread` (a zip is random-access): stored and deflate
/// members, zip64 sizes and offsets, CRC-32 checked. Without a central directory (a truncated download) it
/// recovers what it can by walking the local headers from the start.
struct ZipReader {
    let file: InputFile
    let label: String
    let limits: ReaderLimits

    func read(_ emit: (ReadEvent) throws -> Void) throws -> SourceFailure? {
        let rejects = RejectMaker(label: label)
        let extractor = ZipEntryExtractor(file: file, limits: limits, rejects: rejects)
        switch try locateDirectory() {
        case .found(let location):
            try readDirectory(location, extractor, emit)
            return capFailure(extractor, rejects)
        case .missing:
            try recoverFromLocalHeaders(extractor, emit)
            if let failure = capFailure(extractor, rejects) { return failure }
            return rejects.failure(
                .truncatedArchive, keepable: true,
                "\(label): no end-of-central-directory record, the zip is truncated; "
                    + "\(extractor.members) members recovered from local headers")
        case .outOfBounds(let location):
            try recoverFromLocalHeaders(extractor, emit)
            if let failure = capFailure(extractor, rejects) { return failure }
            return rejects.failure(
                .truncatedArchive, keepable: true,
                "\(label): the central directory (\(location.size) bytes at offset \(location.offset)) lies outside "
                    + "the file, which is truncated or damaged; \(extractor.members) members recovered from local headers")
        }
    }

    /// The input given up at the per-input inflate cap; members read whole before it are sound.
    private func capFailure(_ extractor: ZipEntryExtractor, _ rejects: RejectMaker) -> SourceFailure? {
        extractor.overInputCap.map { rejects.failure(.memberTooLarge, keepable: true, "\(label): \($0)") }
    }

    private enum Lookup {
        case found(ZipDirectoryLocation)
        case missing
        case outOfBounds(ZipDirectoryLocation)
    }

    /// Finds the end-of-central-directory record in the last 64 KiB + 22 bytes (it may be followed by a comment),
    /// then the zip64 record when a locator precedes it.
    private func locateDirectory() throws -> Lookup {
        let tailLength = min(file.size, 22 + 0xFFFF)
        let tailStart = file.size - tailLength
        let tail = try file.bytes(count: tailLength, at: tailStart)
        var at = tail.count - 22
        while at >= 0 {
            if tail.hasSignature(at, 5, 6) && at + 22 + tail.u16(at + 20) <= tail.count { break }
            at -= 1
        }
        guard at >= 0 else { return .missing }
        var location = ZipDirectoryLocation(
            offset: tail.u32(at + 16), size: tail.u32(at + 12), entries: tail.u16(at + 10),
            endRecordOffset: tailStart + at)
        let locatorOffset = location.endRecordOffset - 20
        if locatorOffset >= 0 {
            let locator = try file.bytes(count: 20, at: locatorOffset)
            if locator.count == 20 && locator.hasSignature(0, 6, 7) {
                let recordOffset = locator.u64(8)
                let record = recordOffset < locatorOffset ? try file.bytes(count: 56, at: recordOffset) : []
                if record.count == 56 && record.hasSignature(0, 6, 6) {
                    location = ZipDirectoryLocation(
                        offset: record.u64(48), size: record.u64(40), entries: record.u64(32),
                        endRecordOffset: recordOffset)
                }
            }
        }
        guard location.offset <= location.endRecordOffset, location.size <= location.endRecordOffset - location.offset
        else { return .outOfBounds(location) }
        return .found(location)
    }

    private func readDirectory(
        _ location: ZipDirectoryLocation, _ extractor: ZipEntryExtractor, _ emit: (ReadEvent) throws -> Void
    ) throws {
        let directory = try file.bytes(count: location.size, at: location.offset)
        var at = 0
        while at < directory.count {
            let fixed = 46
            guard at + fixed <= directory.count, directory.hasSignature(at, 1, 2),
                at + fixed + directory.u16(at + 28) + directory.u16(at + 30) + directory.u16(at + 32) <= directory.count
            else {
                try emit(.reject(extractor.rejects.make(
                    .corruptArchive, member: nil,
                    "the zip central directory is damaged at byte \(location.offset + at); the entries after it are skipped",
                    excerptBytes: Array(directory[at..<min(directory.count, at + 64)]))))
                return
            }
            let nameLength = directory.u16(at + 28)
            let extraLength = directory.u16(at + 30)
            let nameStart = at + fixed
            var entry = ZipEntry(
                rawName: Array(directory[nameStart..<(nameStart + nameLength)]), flags: directory.u16(at + 8),
                method: directory.u16(at + 10), crc: UInt32(directory.u32(at + 16)),
                compressedSize: directory.u32(at + 20), uncompressedSize: directory.u32(at + 24),
                localHeaderOffset: directory.u32(at + 42))
            entry.applyZip64(extra: directory[(nameStart + nameLength)..<(nameStart + nameLength + extraLength)])
            try extractor.extract(entry, emit)
            if extractor.overInputCap != nil { return }
            at = nameStart + nameLength + extraLength + directory.u16(at + 32)
        }
    }

    /// Best effort for a zip cut short: members whose local header gives their sizes, up to the first one that
    /// does not fit in the file. Entries that keep their sizes in a trailing data descriptor stop the walk.
    private func recoverFromLocalHeaders(_ extractor: ZipEntryExtractor, _ emit: (ReadEvent) throws -> Void) throws {
        var offset = 0
        while offset + 30 <= file.size {
            let header = try file.bytes(count: 30, at: offset)
            guard header.hasSignature(0, 3, 4) else { return }
            let nameLength = header.u16(26)
            let extraLength = header.u16(28)
            let nameAndExtra = try file.bytes(count: nameLength + extraLength, at: offset + 30)
            guard nameAndExtra.count == nameLength + extraLength else { return }
            var entry = ZipEntry(
                rawName: Array(nameAndExtra[0..<nameLength]), flags: header.u16(6), method: header.u16(8),
                crc: UInt32(header.u32(14)), compressedSize: header.u32(18), uncompressedSize: header.u32(22),
                localHeaderOffset: offset)
            entry.applyZip64(extra: nameAndExtra[nameLength...])
            guard entry.flags & 8 == 0 else { return }
            let dataStart = offset + 30 + nameLength + extraLength
            guard entry.compressedSize <= file.size - dataStart else { return }
            try extractor.extract(entry, emit)
            if extractor.overInputCap != nil { return }
            offset = dataStart + entry.compressedSize
        }
    }
}
