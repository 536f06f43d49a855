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
                    readTagLine(scan, line, into: &envelope)
                } else {
                    readKeyLine(scan, line, into: &envelope)
                }
            }
            lineStart = scan.nextLineStart(afterLineEnd: lineEnd)
        }
        return envelope
    }

    private static func readTagLine(_ scan: ByteScan, _ line: Range<Int>, into envelope: inout Envelope) {
        // Most header lines are owner and company fields: one byte tells them from the five we want.
        guard line.count > 1, tagInitials[Int(scan[line.lowerBound + 1])] else { return }
        let initial = scan[line.lowerBound + 1].asciiLowercased
        for (tag, field) in tagFields where tag.lower[1] == initial && scan.hasPrefix(tag, at: line.lowerBound) {
            set(field, scan.trimmed(line.lowerBound + tag.count, line.upperBound), scan, &envelope)
            return
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

    private static let tagFields: [(StaticBytes, Field)] = [
        (StaticBytes("<ACCESSION-NUMBER>"), .accession),
        (StaticBytes("<TYPE>"), .type),
        (StaticBytes("<FILING-DATE>"), .filingDate),
        (StaticBytes("<ACCEPTANCE-DATETIME>"), .acceptance),
        (StaticBytes("<PERIOD>"), .period),
    ]

    /// Whether a byte (either case) is the first letter of a wanted tag / key: a table, read once per line.
    private static let tagInitials = initials(tagFields.map { $0.0.lower[1] })
    private static let keyInitials = initials(keyFields.map { $0.0.lower[0] })

    private static func initials(_ letters: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0...255 where letters.contains(UInt8(byte).asciiLowercased) { table[byte] = true }
        return table
    }

    private static let keyFields: [(StaticBytes, Field)] = [
        (StaticBytes("ACCESSION NUMBER"), .accession),
        (StaticBytes("CONFORMED SUBMISSION TYPE"), .type),
        (StaticBytes("FILED AS OF DATE"), .filingDate),
        (StaticBytes("CONFORMED PERIOD OF REPORT"), .period),
    ]
}
