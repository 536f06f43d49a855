import EdgarCore

/// Streams a large non-ownership submission (see `SubmissionTriage`) and keeps only what the extractor can
/// use: the header and the documents that may be ownership documents. The rest is looked at for two tags only
/// (`</TEXT>` ends a document's text, `<DOCUMENT>` starts the next), by `memchr`, and never held. Document
/// boundaries follow the extractor's scanner: a document runs from its `<DOCUMENT>` to the first `</TEXT>`
/// after its `<TEXT>`, and the next one is the next `<DOCUMENT>` after that.
struct MemberSifter {
    private enum Mode {
        /// Collecting a document's first bytes (from its `<DOCUMENT>`) to decide on it.
        case deciding
        /// In a document's text, kept or not, until `</TEXT>`.
        case text(keep: Bool)
        /// After a document's text, kept or not, until the next `<DOCUMENT>`.
        case between(keep: Bool)
    }

    private static let document = Array("<DOCUMENT>".utf8)
    private static let textEnd = Array("</TEXT>".utf8)

    private var mode = Mode.deciding
    private(set) var kept: [UInt8]
    private var window: [UInt8] = []
    /// Bytes of the current token matched at the end of the previous chunk.
    private var matched = 0
    /// The most bytes held at once (the kept bytes plus a decision window): proof the bulk is not held.
    private(set) var largestHeld = 0

    /// `header`: the member up to its first `<DOCUMENT>`.
    init(header: [UInt8]) {
        kept = header
        window.reserveCapacity(SubmissionTriage.headBytes)
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        let bytes = chunk.assumingMemoryBound(to: UInt8.self)
        var at = 0
        while at < bytes.count {
            switch mode {
            case .deciding:
                let take = min(SubmissionTriage.headBytes - window.count, bytes.count - at)
                window.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<(at + take)]))
                at += take
                if window.count == SubmissionTriage.headBytes { decide() }
            case .text(let keep):
                at = advance(bytes, from: at, to: Self.textEnd, keep: keep) { $0.mode = .between(keep: keep) }
            case .between(let keep):
                at = advance(bytes, from: at, to: Self.document, keep: keep) { sifter in
                    sifter.mode = .deciding
                    sifter.window.append(contentsOf: Self.document)
                }
            }
            largestHeld = max(largestHeld, kept.count + window.count)
        }
    }

    /// The member as the extractor will see it.
    mutating func finish() -> [UInt8] {
        // Deciding on the last window may open another document in it, short of a full window.
        while case .deciding = mode, !window.isEmpty { decide() }
        return kept
    }

    /// Decides on the window's document, then replays the window in the mode chosen.
    private mutating func decide() {
        let held = window
        window.removeAll(keepingCapacity: true)
        let keep = held.withUnsafeBufferPointer { SubmissionTriage.keepsDocument($0) }
        mode = .text(keep: keep)
        matched = 0
        if keep { kept += Self.document }
        held.withUnsafeBytes { feed(UnsafeRawBufferPointer(rebasing: $0[Self.document.count...])) }
    }

    /// Passes bytes up to and including `token` (kept or not); calls `found` after it. Returns where it stopped.
    private mutating func advance(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to token: [UInt8], keep: Bool, found: (inout MemberSifter) -> Void
    ) -> Int {
        var at = start
        while at < bytes.count {
            if matched == 0 {
                // Jump to the next candidate; everything before it is passed.
                guard let hit = ByteSearch.firstIndex(of: token[0], in: bytes, from: at, end: bytes.count) else {
                    if keep { kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...])) }
                    return bytes.count
                }
                if keep { kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<hit])) }
                at = hit
            }
            // Match the token byte by byte; it may straddle chunks.
            if bytes[at] == token[matched] {
                matched += 1
                at += 1
                if matched == token.count {
                    matched = 0
                    if token == Self.document {
                        // The tag opens the next document: it goes to the window, not to the kept bytes.
                        found(&self)
                        return at
                    }
                    if keep { kept += token }
                    found(&self)
                    return at
                }
            } else {
                // A failed partial match: its bytes belong to the passed stretch. `<` restarts no token
                // mid-way (neither token holds a second `<`), so the current byte is looked at afresh.
                if keep { kept += token[0..<matched] }
                matched = 0
            }
        }
        return at
    }
}
