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
        func pass(upTo end: Int) {
            if keep && end > at { kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<end])) }
            at = end
        }
        func arrive() {
            if keep && token != Self.document { kept += token }
            // `<DOCUMENT>` opens the next document: the tag goes to the decision window (`found`), not here.
            found(&self)
        }
        while at < bytes.count {
            // Where a whole token still fits, jump from one rare byte (`X` of `</TEXT>`, `U` of `<DOCUMENT>`) to
            // the next: `<` is every few dozen bytes in HTML and XBRL, these are not.
            let tail = max(at, bytes.count - (token.count - 1))
            if matched == 0 && at < tail {
                let rare = token == Self.document ? Self.documentRare : Self.textEndRare
                var from = at + rare
                while let hit = ByteSearch.firstIndex(of: token[rare], in: bytes, from: from, end: tail + rare) {
                    let candidate = hit - rare
                    if SubmissionTriage.hasPrefix(bytes, token, at: candidate) {
                        pass(upTo: candidate)
                        at += token.count
                        arrive()
                        return at
                    }
                    from = hit + 1
                }
                pass(upTo: tail)
                continue
            }
            // The last bytes of the chunk: match byte by byte, as the token may straddle into the next chunk.
            if bytes[at] == token[matched] {
                matched += 1
                at += 1
                if matched == token.count {
                    matched = 0
                    arrive()
                    return at
                }
            } else {
                // A failed partial match: its bytes belong to the passed stretch, and the current byte is looked
                // at afresh (neither token holds a second `<`, so no match can start inside the failed one).
                if keep { kept += token[0..<matched] }
                if matched == 0 {
                    pass(upTo: at + 1)
                }
                matched = 0
            }
        }
        return at
    }

    /// The index of each token's rarest byte in running text.
    private static let textEndRare = 4  // X
    private static let documentRare = 5  // U
}
