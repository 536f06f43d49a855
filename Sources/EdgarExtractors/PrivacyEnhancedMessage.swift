import EdgarCore

/// The RFC 1421 "privacy-enhanced message" wrapper of 1990s–2000s complete submissions
/// (`-----BEGIN PRIVACY-ENHANCED MESSAGE-----` … `-----END PRIVACY-ENHANCED MESSAGE-----`).
///
/// Inside it, every line that began with `-` was dash-escaped to `- -…`. Unwrapping copies the member once with
/// the escapes undone, so the envelope parser and the document bodies see the submission as filed.
enum PrivacyEnhancedMessage {
    static let begin = BytePattern("-----BEGIN PRIVACY-ENHANCED MESSAGE-----")

    static func isWrapped(_ scan: ByteScan, at start: Int) -> Bool { scan.hasPrefix(begin, at: start) }

    /// The member with every line-initial `- ` removed. The PEM header lines themselves never start with `- `,
    /// and the END boundary starts with `--`, so one rule over the whole member is enough.
    static func unescaped(_ scan: ByteScan) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scan.count)
        var lineStart = 0
        while lineStart < scan.count {
            var from = lineStart
            if from + 1 < scan.count, scan[from] == .dash, scan[from + 1] == .space { from += 2 }
            let end = scan.lineEnd(from: from)
            let next = scan.nextLineStart(afterLineEnd: end)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: scan.bytes[from..<next]))
            lineStart = next
        }
        return out
    }
}
