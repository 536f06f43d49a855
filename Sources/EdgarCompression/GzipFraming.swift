/// The framing of a gzip member around its raw DEFLATE data (RFC 1952 §2.3): the header before it, read a byte at
/// a time because it may straddle input chunks, and the 8-byte trailer after it.
///
/// zlib can read the framing itself, but then it computes the CRC-32 with its own, slower code; the `Inflater`
/// inflates raw DEFLATE and checks the trailer with libdeflate's CRC instead.
struct GzipHeaderReader {
    private enum Step: Equatable {
        /// The fixed 10 bytes: magic, method, flags, mtime, extra flags, OS; the payload is how many were read.
        case fixed(Int)
        case extraLength(Int)
        case extra(remaining: Int)
        case name
        case comment
        case headerCRC(Int)
        case done

        /// Bytes read in this step count towards the header CRC.
        var isHashed: Bool {
            switch self {
            case .headerCRC, .done: false
            default: true
            }
        }
    }

    // FTEXT (0x01) is only a hint about the content and changes nothing in reading.
    private static let flagHeaderCRC: UInt8 = 0x02
    private static let flagExtra: UInt8 = 0x04
    private static let flagName: UInt8 = 0x08
    private static let flagComment: UInt8 = 0x10
    private static let reservedFlags: UInt8 = 0xe0

    private var step = Step.fixed(0)
    private var flags: UInt8 = 0
    private var extraLength = 0
    /// CRC-32 of the header bytes before FHCRC, whose low 16 bits FHCRC must equal.
    private var crc = CRC32()
    private var storedCRC: UInt32 = 0

    var isComplete: Bool { step == .done }

    /// Reads header bytes from the start of `input` and returns how many belong to the header; once
    /// `isComplete`, the DEFLATE data starts right after them.
    mutating func consume(_ input: UnsafeRawBufferPointer) throws(InflateError) -> Int {
        var i = 0
        var hashedFrom: Int? = step.isHashed ? 0 : nil
        while i < input.count && step != .done {
            let byte = input[i]
            switch step {
            case .fixed(let n):
                try checkFixed(byte, at: n)
                if n == 3 { flags = byte }
                if n < 9 { step = .fixed(n + 1) } else { step = next(after: .fixed(9)) }
                i += 1
            case .extraLength(let n):
                extraLength |= Int(byte) << (8 * n)
                step = n == 0 ? .extraLength(1) : (extraLength > 0 ? .extra(remaining: extraLength) : next(after: .extra(remaining: 0)))
                i += 1
            case .extra(let remaining):
                let take = min(remaining, input.count - i)
                i += take
                step = take == remaining ? next(after: step) : .extra(remaining: remaining - take)
            case .name, .comment:
                if byte == 0 { step = next(after: step) }
                i += 1
            case .headerCRC(let n):
                storedCRC |= UInt32(byte) << (8 * UInt32(n))
                i += 1
                if n == 0 {
                    step = .headerCRC(1)
                } else {
                    guard storedCRC == crc.value & 0xffff else {
                        throw InflateError(.corrupt, message: "inflate failed: header crc mismatch")
                    }
                    step = .done
                }
            case .done:
                break
            }
            if let from = hashedFrom, !step.isHashed {
                // Entering FHCRC (or done): the bytes it covers end here.
                crc.update(UnsafeRawBufferPointer(rebasing: input[from..<i]))
                hashedFrom = nil
            }
        }
        if let from = hashedFrom, from < i { crc.update(UnsafeRawBufferPointer(rebasing: input[from..<i])) }
        return i
    }

    private func checkFixed(_ byte: UInt8, at index: Int) throws(InflateError) {
        switch index {
        case 0 where byte != 0x1f, 1 where byte != 0x8b:
            throw InflateError(.corrupt, message: "inflate failed: incorrect header check")
        case 2 where byte != 8:
            throw InflateError(.corrupt, message: "inflate failed: unknown compression method")
        case 3 where byte & Self.reservedFlags != 0:
            throw InflateError(.corrupt, message: "inflate failed: unknown header flags set")
        default:
            break
        }
    }

    /// The optional fields come in this order after the fixed bytes, each only when its flag is set.
    private func next(after step: Step) -> Step {
        let order: [(UInt8, Step)] = [
            (Self.flagExtra, .extraLength(0)), (Self.flagName, .name), (Self.flagComment, .comment),
            (Self.flagHeaderCRC, .headerCRC(0)),
        ]
        let position: Int
        switch step {
        case .fixed: position = 0
        case .extraLength, .extra: position = 1
        case .name: position = 2
        case .comment: position = 3
        case .headerCRC, .done: return .done
        }
        for (flag, candidate) in order[position...] where flags & flag != 0 { return candidate }
        return .done
    }
}

/// The 8 bytes after a member's DEFLATE data: CRC-32 and length (mod 2^32) of the inflated bytes, little-endian.
struct GzipTrailer {
    private var bytes: [UInt8] = []

    var isComplete: Bool { bytes.count == 8 }

    /// Takes what it still needs from the start of `input`; returns how many bytes it took.
    mutating func consume(_ input: UnsafeRawBufferPointer) -> Int {
        let take = min(8 - bytes.count, input.count)
        bytes.append(contentsOf: input[0..<take])
        return take
    }

    func check(crc: UInt32, length: UInt32) throws(InflateError) {
        let stored = { (at: Int) in (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        guard stored(0) == crc else {
            throw InflateError(.checksumMismatch, message: "inflate failed: incorrect data check")
        }
        guard stored(4) == length else {
            throw InflateError(.checksumMismatch, message: "inflate failed: incorrect length check")
        }
    }
}
