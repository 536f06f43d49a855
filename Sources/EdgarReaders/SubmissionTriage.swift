import EdgarCore

/// Decides from the first bytes of a large `.nc` member which parts of it the extractor can ever use, so that
/// the rest streams past unheld (a 50 MB 10-K is read for its header only). Only certainties drop bytes: the
/// extractor makes rows of a document when its `<TYPE>` is an ownership form or its root element is
/// `ownershipDocument`, and counts the submission as skipped by the header's `<TYPE>` otherwise; any document
/// whose head leaves a doubt is kept whole, and so is every member that is not a plain `<SUBMISSION>`.
enum SubmissionTriage {
    /// How much of a member, and of each document, is looked at before deciding.
    static let headBytes = 64 << 10

    /// The offset of the first `<DOCUMENT>` when the submission's own `<TYPE>` is not an ownership form; nil
    /// keeps the member whole.
    static func firstDroppableDocument(_ head: UnsafeBufferPointer<UInt8>) -> Int? {
        var at = skipWhitespace(head, from: 0)
        guard hasPrefix(head, Token.submission, at: at),
            let document = find(head, Token.document, from: at)
        else { return nil }
        // A header with key lines (`CONFORMED SUBMISSION TYPE:`) names its type twice: leave it to the extractor.
        if let keyed = find(head, Token.keyedType, from: at), keyed < document { return nil }
        // The header's first `<TYPE>` line is the submission type (nested entities carry none).
        while at < document {
            let lineEnd = endOfLine(head, from: at, end: document)
            let start = skipBlanks(head, from: at, end: lineEnd)
            if hasPrefix(head, Token.type, at: start) {
                return mayBeOwnership(head, start + Token.type.count, lineEnd) ? nil : document
            }
            at = lineEnd + 1
        }
        return nil
    }

    /// Whether the document starting at `window` (its `<DOCUMENT>` tag, up to `headBytes`, or less when the
    /// member ends first) may hold an ownership document.
    static func keepsDocument(_ window: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = Token.document.count
        while true {
            guard at < window.count else { return true }  // no <TEXT> in sight
            let lineEnd = endOfLine(window, from: at, end: window.count)
            let start = skipBlanks(window, from: at, end: lineEnd)
            if hasPrefix(window, Token.text, at: start) {
                at = start + Token.text.count
                break
            }
            if hasPrefix(window, Token.document, at: start) || hasPrefix(window, Token.documentEnd, at: start) { return true }
            if hasPrefix(window, Token.type, at: start), mayBeOwnership(window, start + Token.type.count, lineEnd) { return true }
            at = lineEnd + 1
        }
        at = skipWhitespace(window, from: at)
        if hasPrefix(window, Token.xml, at: at) { at = skipWhitespace(window, from: at + Token.xml.count) }
        guard at < window.count else { return true }
        // Not markup: no root element at all.
        if window[at] != UInt8(ascii: "<") { return false }
        if find(window, Token.ownershipDocument, from: at) != nil { return true }
        // A root element in full view that is not ownershipDocument (the name was not found anywhere above).
        return !rootElementInView(window, from: at)
    }

    /// Whether a start tag after the prolog (declarations, comments, DOCTYPE) lies whole in the window.
    private static func rootElementInView(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var i = from
        while true {
            i = skipWhitespace(b, from: i)
            guard i + 1 < b.count, b[i] == UInt8(ascii: "<") else { return false }
            let next = b[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // The end of the prolog item; DOCTYPE internal subsets end at a `]>` at the latest.
                guard let close = find(b, Token.close, from: i + 2) else { return false }
                if hasPrefix(b, Token.doctype, at: i), let subset = find(b, Token.subsetOpen, from: i), subset < close {
                    guard let end = find(b, Token.subsetClose, from: subset) else { return false }
                    i = end + Token.subsetClose.count
                } else {
                    i = close + 1
                }
                continue
            }
            return find(b, Token.close, from: i + 1) != nil
        }
    }

    /// The `<TYPE>` value, trimmed of blanks, is an ownership form (`FormType.isOwnership`, the extractor's rule). An empty value is passed over by the header parser (the next `<TYPE>` counts): keep.
    private static func mayBeOwnership(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var (lo, hi) = (skipBlanks(b, from: from, end: end), end)
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return lo == hi || FormType.isOwnership(b, from: lo, to: hi)
    }

    private enum Token {
        static let submission = Array("<SUBMISSION>".utf8)
        static let keyedType = Array("SUBMISSION TYPE".utf8)
        static let document = Array("<DOCUMENT>".utf8)
        static let documentEnd = Array("</DOCUMENT>".utf8)
        static let type = Array("<TYPE>".utf8)
        static let text = Array("<TEXT>".utf8)
        static let xml = Array("<XML>".utf8)
        static let ownershipDocument = Array("ownershipDocument".utf8)
        static let close = Array(">".utf8)
        static let doctype = Array("<!DOCTYPE".utf8)
        static let subsetOpen = Array("[".utf8)
        static let subsetClose = Array("]>".utf8)
    }

    // MARK: Bytes

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        var at = from
        while let hit = ByteSearch.firstIndex(of: needle[0], in: b, from: at, end: b.count) {
            guard hit + needle.count <= b.count else { return nil }
            if hasPrefix(b, needle, at: hit) { return hit }
            at = hit + 1
        }
        return nil
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at: Int) -> Bool {
        guard at >= 0, at + prefix.count <= b.count else { return false }
        for (k, byte) in prefix.enumerated() where b[at + k] != byte { return false }
        return true
    }

    private static func skipWhitespace(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    private static func skipBlanks(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The end of the line at `from`: LF, CR (the 2025 feed style) or `end`.
    private static func endOfLine(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        while i < end, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
        return i
    }
}
