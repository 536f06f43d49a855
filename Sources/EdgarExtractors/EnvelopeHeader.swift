import EdgarCore

/// Reads the submission-level fields of an SGML envelope from the bytes before its first `<DOCUMENT>`.
///
/// Three header dialects share those bytes and may mix: `.nc` / `.hdr.sgml` tag lines (`<TYPE>4`), the
/// complete-submission `KEY:<tabs>value` lines (`CONFORMED SUBMISSION TYPE:\t4`), and tag lines such as
/// `<ACCEPTANCE-DATETIME>` inside a `KEY:` header. The first occurrence of a field wins; nested sections never
/// reuse these names (owners' `FORM TYPE` / `<FORM-TYPE>` differ from the submission's). Values are kept as filed.
enum EnvelopeHeader {
    static func parse(_ scan: ByteScan, _ range: Range<Int>) -> Envelope {
        var envelope = Envelope()
        // Most headers have no CR at all: then a line ends at its LF, found with one memchr instead of two.
        let hasCR = scan.index(of: .cr, from: range.lowerBound, end: range.upperBound) != nil
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = min(
                hasCR ? scan.lineEnd(from: lineStart) : scan.index(of: .lf, from: lineStart) ?? scan.count,
                range.upperBound)
            let line = scan.trimmed(lineStart, lineEnd)
            if !line.isEmpty {
                if scan[line.lowerBound] == .lessThan {
                    if line.count > 1 && isWantedTagInitial(scan[line.lowerBound + 1]) {
                        readTagLine(scan, line, into: &envelope)
                    }
                } else {
                    readKeyLine(scan, line, into: &envelope)
                }
            }
            lineStart = scan.nextLineStart(afterLineEnd: lineEnd)
        }
        return envelope
    }

    /// Most header lines are owner and company fields: the tag's first letter tells them from the five we want.
    @inline(__always)
    private static func isWantedTagInitial(_ byte: UInt8) -> Bool {
        switch byte.asciiLowercased {
        case UInt8(ascii: "a"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "p"): true
        default: false
        }
    }

    private static func readTagLine(_ scan: ByteScan, _ line: Range<Int>, into envelope: inout Envelope) {
        // The tag's first letter names the one or two tags worth comparing.
        guard line.count > 1 else { return }
        let at = line.lowerBound
        func read(_ tag: BytePattern, _ field: Field) -> Bool {
            guard scan.hasPrefix(tag, at: at) else { return false }
            set(field, scan.trimmed(at + tag.count, line.upperBound), scan, &envelope)
            return true
        }
        switch scan[at + 1].asciiLowercased {
        case UInt8(ascii: "a"): if !read(Tag.accession, .accession) { _ = read(Tag.acceptance, .acceptance) }
        case UInt8(ascii: "t"): _ = read(Tag.type, .type)
        case UInt8(ascii: "f"): _ = read(Tag.filingDate, .filingDate)
        case UInt8(ascii: "p"): _ = read(Tag.period, .period)
        default: break
        }
    }

    private static func readKeyLine(_ scan: ByteScan, _ line: Range<Int>, into envelope: inout Envelope) {
        // Keys are short; don't look for the colon across a hostile megabyte-long line.
        guard let colon = scan.index(of: .colon, from: line.lowerBound, end: min(line.upperBound, line.lowerBound + 64))
        else { return }
        guard keyInitials[Int(scan[line.lowerBound])] else { return }
        let key = scan.trimmed(line.lowerBound, colon)
        for (name, field) in keyFields where name.count == key.count && scan.hasPrefix(name, at: key.lowerBound) {
            set(field, scan.trimmed(colon + 1, line.upperBound), scan, &envelope)
            return
        }
    }

    private static func set(_ field: Field, _ value: Range<Int>, _ scan: ByteScan, _ envelope: inout Envelope) {
        guard !value.isEmpty else { return }
        func setOnce(_ slot: inout String?) { if slot == nil { slot = scan.string(value) } }
        switch field {
        case .accession: setOnce(&envelope.accessionNumber)
        case .type: setOnce(&envelope.submissionType)
        case .filingDate: setOnce(&envelope.filingDate)
        case .acceptance: setOnce(&envelope.acceptanceDatetime)
        case .period: setOnce(&envelope.period)
        }
    }

    private enum Field { case accession, type, filingDate, acceptance, period }

    private enum Tag {
        static let accession = BytePattern("<ACCESSION-NUMBER>")
        static let type = BytePattern("<TYPE>")
        static let filingDate = BytePattern("<FILING-DATE>")
        static let acceptance = BytePattern("<ACCEPTANCE-DATETIME>")
        static let period = BytePattern("<PERIOD>")
    }

    /// Whether a byte (either case) is the first letter of a wanted key: a table, read once per line.
    private static let keyInitials = initials(keyFields.map { $0.0.lower[0] })

    private static func initials(_ letters: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0...255 where letters.contains(UInt8(byte).asciiLowercased) { table[byte] = true }
        return table
    }

    private static let keyFields: [(BytePattern, Field)] = [
        (BytePattern("ACCESSION NUMBER"), .accession),
        (BytePattern("CONFORMED SUBMISSION TYPE"), .type),
        (BytePattern("FILED AS OF DATE"), .filingDate),
        (BytePattern("CONFORMED PERIOD OF REPORT"), .period),
    ]
}
