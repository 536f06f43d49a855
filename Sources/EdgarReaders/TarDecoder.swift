import EdgarCore

/// An incremental tar walker: feed it the archive in chunks of any size, from any source (a file, an inflater),
/// and it emits each regular file as a `Member`, in order. Handles ustar, GNU (long names 'L', base-256 sizes)
/// and pax ('x' local and 'g' global `path`/`size`). A damaged header is reported once as `corrupt_archive`,
/// then the walker resyncs on the next block that is a valid header. Like `tar --ignore-zeros`, it reads on past
/// an end-of-archive marker, so a second tar appended to the first (`cat a.tar b.tar`, or two `.tar.gz` files
/// concatenated, which gunzip inflates as one stream) is read whole rather than silently cut short.
public struct TarDecoder {
    /// `.sifted`: a large member, held only until `SubmissionTriage` has seen its head (see `siftAbove`).
    private enum DataSink { case member, sifted, longName, pax(global: Bool), discard }
    private enum State {
        case header
        case data(DataSink, remaining: Int, padding: Int)
        case skip(remaining: Int)
    }

    /// Metadata records (long names, pax headers) larger than this are treated as damage, not buffered.
    static let maxMetadataBytes = 1 << 20

    private let reject: RejectMaker
    private let maxMemberBytes: Int
    /// Members larger than this are sifted: a submission of another form type passes with only its header and
    /// the documents that may be ownership documents held. Small members are held whole (sifting would not pay).
    private let siftAbove: Int
    private var sifter: MemberSifter?
    private var state = State.header
    private var block = [UInt8](repeating: 0, count: TarHeader.blockSize)
    private var blockFill = 0
    private var blockOffset = 0
    /// Bytes consumed so far: offsets in messages are offsets in the tar stream.
    public private(set) var position = 0
    private var zeroBlocks = 0
    private var resyncing = false
    /// Set by an end-of-archive marker, cleared by the next header: zero padding after the marker is expected.
    private var pastEndMarker = false

    private var memberPath = ""
    private var memberSize = 0
    private var memberBytes: [UInt8] = []
    private var metadata: [UInt8] = []
    private var pendingLongName: String?
    private var pendingPaxPath: String?
    private var pendingPaxSize: Int?
    private var globalPaxPath: String?

    /// Members emitted so far.
    public private(set) var members = 0
    /// Events (members and rejects) emitted so far.
    public private(set) var events = 0
    /// The most bytes ever reserved for one member: proof that oversized members are skipped, not held, and
    /// that a declared size alone never reserves memory.
    public private(set) var largestHeldMember = 0
    /// Whether an end-of-archive marker (two zero blocks) was seen; reading goes on after it.
    public private(set) var reachedEnd = false

    /// `label` names the archive in members and rejects.
    public init(label: String, maxMemberBytes: Int = ReaderLimits().maxMemberBytes, siftAbove: Int = ReaderLimits().siftMembersAbove) {
        reject = RejectMaker(label: label)
        self.maxMemberBytes = maxMemberBytes
        self.siftAbove = max(siftAbove, SubmissionTriage.headBytes)
    }

    /// Whether `block` (the first 512 bytes of a stream) looks like the start of a tar archive.
    public static func looksLikeTar(_ firstBlock: UnsafeRawBufferPointer) -> Bool {
        guard firstBlock.count >= TarHeader.blockSize else { return false }
        let block = UnsafeRawBufferPointer(rebasing: firstBlock[0..<TarHeader.blockSize])
        return TarHeader.isZeroBlock(block) || TarHeader(block) != nil
    }

    public mutating func feed<E: Error>(_ bytes: ArraySlice<UInt8>, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        var failure: E?
        bytes.withUnsafeBytes { raw in
            do throws(E) { try feed(raw, emit) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    public mutating func feed<E: Error>(_ chunk: UnsafeRawBufferPointer, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        var at = 0
        let count = chunk.count
        while at < count {
            switch state {
            case .header:
                let take = min(TarHeader.blockSize - blockFill, count - at)
                if blockFill == 0 { blockOffset = position }
                block.withUnsafeMutableBytes { dst in
                    dst.baseAddress!.advanced(by: blockFill).copyMemory(from: chunk.baseAddress! + at, byteCount: take)
                }
                blockFill += take
                at += take
                position += take
                if blockFill == TarHeader.blockSize {
                    blockFill = 0
                    try processHeader(emit)
                }
            case .data(let sink, let remaining, let padding):
                let take = min(remaining, count - at)
                let piece = UnsafeRawBufferPointer(rebasing: chunk[at..<(at + take)])
                var sink = sink
                switch sink {
                case .member: memberBytes.append(raw: piece)
                case .sifted: sift(piece, sink: &sink)
                case .longName, .pax: metadata.append(raw: piece)
                case .discard: break
                }
                at += take
                position += take
                if take == remaining {
                    state = padding > 0 ? .skip(remaining: padding) : .header
                    try finishData(sink, emit)
                } else {
                    state = .data(sink, remaining: remaining - take, padding: padding)
                }
            case .skip(let remaining):
                let take = min(remaining, count - at)
                at += take
                position += take
                state = take == remaining ? .header : .skip(remaining: remaining - take)
            }
        }
    }

    /// Declares the end of input. Returns a message when the input stopped inside a header or a member's data
    /// (a truncated archive); nil when it stopped cleanly (with or without the end-of-archive marker).
    public func finish() -> String? {
        switch state {
        case .header:
            if blockFill == 0 || resyncing { return nil }
            // Padding after the end marker cut short by whatever wrote the file: no member is lost.
            if pastEndMarker && block[0..<blockFill].allSatisfy({ $0 == 0 }) { return nil }
            return "the archive ends inside a tar header at byte \(blockOffset) (only \(blockFill) of 512 bytes)"
        case .data(.member, let remaining, _), .data(.sifted, let remaining, _):
            return "the archive ends inside member \(memberPath) (\(remaining) of its \(memberSize) bytes missing)"
        case .data(_, let remaining, _):
            return "the archive ends inside a tar entry's data at byte \(position) (\(remaining) bytes missing)"
        case .skip(let remaining):
            return "the archive ends inside a tar entry's data or padding at byte \(position) (\(remaining) bytes missing)"
        }
    }

    private enum BlockKind {
        case zero
        case header(TarHeader)
        case damaged
    }

    private static func padding(_ size: Int) -> Int {
        (TarHeader.blockSize - size % TarHeader.blockSize) % TarHeader.blockSize
    }

    private mutating func processHeader<E: Error>(_ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        let kind: BlockKind = block.withUnsafeBytes { raw in
            if TarHeader.isZeroBlock(raw) { return .zero }
            return TarHeader(raw).map { .header($0) } ?? .damaged
        }
        switch kind {
        case .zero:
            zeroBlocks += 1
            if zeroBlocks >= 2 {
                reachedEnd = true
                pastEndMarker = true
            }
        case .damaged:
            try handleDamagedBlock(emit)
        case .header(let header):
            try process(header, emit)
        }
    }

    private mutating func process<E: Error>(_ header: TarHeader, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        zeroBlocks = 0
        resyncing = false
        pastEndMarker = false
        let padding = TarDecoder.padding(header.size)
        switch header.typeflag {
        case UInt8(ascii: "L"), UInt8(ascii: "x"), UInt8(ascii: "g"):
            let sink: DataSink = header.typeflag == UInt8(ascii: "L") ? .longName : .pax(global: header.typeflag == UInt8(ascii: "g"))
            if header.size > TarDecoder.maxMetadataBytes {
                clearPending()
                try send(.reject(reject.make(
                    .corruptArchive, member: nil,
                    "tar metadata entry at byte \(blockOffset) claims \(header.size) bytes; skipped")), emit)
                state = .skip(remaining: header.size + padding)
            } else {
                metadata.removeAll(keepingCapacity: true)
                state = header.size == 0 ? .header : .data(sink, remaining: header.size, padding: padding)
                if header.size == 0 { try finishData(sink, emit) }
            }
        case _ where header.isRegularFile:
            memberPath = pendingPaxPath ?? pendingLongName ?? globalPaxPath ?? MemberName.label(header.name)
            memberSize = pendingPaxSize ?? header.size
            clearPending()
            let padding = TarDecoder.padding(memberSize)
            if memberSize > maxMemberBytes {
                try send(.reject(reject.make(
                    .memberTooLarge, member: memberPath,
                    "member \(memberPath) is \(memberSize) bytes, above the \(maxMemberBytes)-byte member limit; skipped")), emit)
                state = .skip(remaining: memberSize + padding)
            } else if memberSize == 0 {
                try send(.reject(reject.make(
                    .emptyInput, member: memberPath, "member \(memberPath) is empty (0 bytes)")), emit)
            } else if memberSize > siftAbove {
                memberBytes = []
                memberBytes.reserveCapacity(SubmissionTriage.headBytes)
                sifter = nil
                state = .data(.sifted, remaining: memberSize, padding: padding)
            } else {
                // The header's size is a claim, not bytes in hand: reserve at most a bounded amount up front and
                // let the array grow as the data arrives, so a raised member limit cannot make a lying header
                // abort the process.
                let reserve = min(memberSize, ReaderLimits.maxUpfrontReserve)
                memberBytes = []
                memberBytes.reserveCapacity(reserve)
                largestHeldMember = max(largestHeldMember, reserve)
                state = .data(.member, remaining: memberSize, padding: padding)
            }
        case _ where header.isHeaderOnly:
            clearPending()
        case UInt8(ascii: "K"):
            // A GNU long link target: belongs to the next header, like a long name, but we do not need it.
            state = header.size == 0 ? .header : .skip(remaining: header.size + padding)
        default:
            // GNU volume labels, dumpdirs, sparse files and vendor types: not members; skip their data.
            let size = pendingPaxSize ?? header.size
            clearPending()
            let padding = TarDecoder.padding(size)
            state = size == 0 ? .header : .skip(remaining: size + padding)
        }
    }

    private mutating func handleDamagedBlock<E: Error>(_ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        zeroBlocks = 0
        clearPending()
        guard !resyncing else { return }
        resyncing = true
        try send(.reject(reject.make(
            .corruptArchive, member: nil,
            "damaged tar header at byte \(blockOffset) (bad checksum or size field, or garbage between members); "
                + "skipping to the next valid header", excerptBytes: block)), emit)
    }

    /// A piece of a sifted member: the head is held until the triage decides; then the member is either held
    /// whole after all (`sink` becomes `.member`) or streamed through the sifter.
    private mutating func sift(_ piece: UnsafeRawBufferPointer, sink: inout DataSink) {
        if sifter != nil {
            sifter!.feed(piece)
            largestHeldMember = max(largestHeldMember, sifter!.largestHeld)
            return
        }
        let take = min(SubmissionTriage.headBytes - memberBytes.count, piece.count)
        memberBytes.append(raw: UnsafeRawBufferPointer(rebasing: piece[0..<take]))
        let rest = UnsafeRawBufferPointer(rebasing: piece[take...])
        guard memberBytes.count == SubmissionTriage.headBytes else { return }
        let head = memberBytes
        if let first = head.withUnsafeBufferPointer({ SubmissionTriage.firstDroppableDocument($0) }) {
            memberBytes = []
            sifter = MemberSifter(header: Array(head[..<first]))
            head.withUnsafeBytes { sifter!.feed(UnsafeRawBufferPointer(rebasing: $0[first...])) }
            sifter!.feed(rest)
            largestHeldMember = max(largestHeldMember, sifter!.largestHeld)
        } else {
            largestHeldMember = max(largestHeldMember, min(memberSize, ReaderLimits.maxUpfrontReserve))
            memberBytes.reserveCapacity(min(memberSize, ReaderLimits.maxUpfrontReserve))
            memberBytes.append(raw: rest)
            sink = .member
        }
    }

    private mutating func finishData<E: Error>(_ sink: DataSink, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        switch sink {
        case .sifted:
            // Reached only while the member is still sifted (the head decision turns the sink into `.member`
            // otherwise); the head cannot be shorter than the member, which is above `siftAbove`.
            let bytes = sifter?.finish() ?? memberBytes
            sifter = nil
            memberBytes = []
            members += 1
            try send(.member(Member(archive: reject.label, path: memberPath, bytes: bytes)), emit)
        case .member:
            let bytes = memberBytes
            memberBytes = []
            members += 1
            try send(.member(Member(archive: reject.label, path: memberPath, bytes: bytes)), emit)
        case .longName:
            var end = metadata.count
            while end > 0 && metadata[end - 1] == 0 { end -= 1 }
            pendingLongName = MemberName.label(metadata[0..<end])
        case .pax(let global):
            for record in PaxRecords.parse(metadata) {
                switch record.key {
                case Array("path".utf8):
                    if global { globalPaxPath = MemberName.label(record.value) } else { pendingPaxPath = MemberName.label(record.value) }
                case Array("size".utf8) where !global:
                    if let size = Int(String(decoding: record.value, as: UTF8.self)), size >= 0, size <= TarHeader.maxPlausibleSize {
                        pendingPaxSize = size
                    }
                default:
                    break
                }
            }
        case .discard:
            break
        }
    }

    private mutating func clearPending() {
        pendingLongName = nil
        pendingPaxPath = nil
        pendingPaxSize = nil
    }

    private mutating func send<E: Error>(_ event: ReadEvent, _ emit: (ReadEvent) throws(E) -> Void) throws(E) {
        events += 1
        try emit(event)
    }
}
