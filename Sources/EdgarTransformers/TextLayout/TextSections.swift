import EdgarCore

/// Where the parts of a text layout are, by line: the boxes, Table I, Table II, footnotes, remarks, signatures.
///
/// Order on the page: boxes, Table I, Table II, the boxes of further owners, "Explanation of Responses:",
/// "Remarks:", the signature lines, then "** Signature of Reporting Person" and the printed reminders. (1.1) Other
/// renderers put the caption after each signature, and the Form 3 statement "No securities are beneficially owned"
/// anywhere between Table II and the signatures (the SEC's page: under "Explanation of Responses:").
struct TextSections {
    /// Byte ranges whose box labels are read (the header, and the further owners after the tables).
    var labelRegions: [Range<Int>] = []
    var tableI: Range<Int>?
    var tableII: Range<Int>?
    var footnotes: [Range<Int>] = []
    var remarks: [Range<Int>]?
    /// Line indices of the signature lines.
    var signatures: [Int] = []
    /// The line "No securities are beneficially owned" stood after the tables.
    var noSecuritiesStatement = false

    init(_ text: TextLayoutParser) {
        let lines = text.lines
        let count = lines.count
        var tableITitle: Int?
        var tableIITitle: Int?
        for index in 0..<count {
            switch text.tableTitle(lines[index]) {
            case 1 where tableITitle == nil && tableIITitle == nil: tableITitle = index
            case 2 where tableIITitle == nil: tableIITitle = index
            default: break
            }
        }
        let afterTables = (tableIITitle ?? tableITitle).map { $0 + 1 } ?? 0
        func firstLine(from start: Int, where predicate: (Range<Int>) -> Bool) -> Int? {
            (start..<count).first { predicate(lines[$0]) }
        }
        let explanation = text.firstLine(from: afterTables, holding: Pattern.explanation)
        let remarks = firstLine(from: afterTables) { text.startsWith(Pattern.remarks.lower, $0) }
        let signatureCaption = text.firstLine(from: afterTables, holding: Pattern.signatureCaption)
        let reminder = firstLine(from: afterTables) { text.startsWith(Pattern.reminder, $0) }
        let furtherOwners = afterTables > 0 ? text.firstLine(from: afterTables, holding: Pattern.reportingPerson) : nil

        // Signature lines: the name-and-date lines right above the caption (or the reminders when it is missing).
        var signatureStart: Int?
        if let anchor = signatureCaption ?? reminder {
            let floor = max(afterTables, (explanation ?? -1) + 1, (remarks ?? -1) + 1)
            var i = anchor - 1
            while i >= floor {
                if text.isBlank(lines[i]) {
                    i -= 1
                } else if text.signature(lines[i]) != nil {
                    signatureStart = i
                    i -= 1
                } else {
                    break
                }
            }
            if let signatureStart { signatures = Array(signatureStart..<anchor) }
            // A caption after each signature: the signatures below the first caption, each followed by its own.
            if signatureCaption != nil, signatureStart != nil {
                var j = anchor + 1
                while j < count {
                    let line = lines[j]
                    if text.isBlank(line) || text.find(Pattern.signatureCaption, in: line) != nil || text.isDateCaption(line) {
                        j += 1
                    } else if text.signature(line) != nil {
                        signatures.append(j)
                        j += 1
                    } else {
                        break
                    }
                }
            }
        }

        let ends = [explanation, remarks, signatureStart, signatureCaption, reminder].compactMap { $0 }
        func end(after start: Int) -> Int { ends.lazy.filter { $0 > start }.min() ?? count }
        func bytes(_ from: Int, _ to: Int) -> Range<Int> {
            guard from < to else {
                let at = from < count ? lines[from].lowerBound : text.bytes.count
                return at..<at
            }
            return lines[from].lowerBound..<lines[to - 1].upperBound
        }

        // The statement is a line of its own; where it stands it ends Table II and is neither footnote nor remark.
        // Without a table title there is no "after Table II" (and the signature lines may come before `count`).
        let statementFloor = (tableIITitle ?? tableITitle).map { $0 + 1 } ?? count
        let statementEnd = max(statementFloor, signatureStart ?? signatureCaption ?? reminder ?? count)
        let statement = (statementFloor..<statementEnd).first { text.isNoSecuritiesStatement(lines[$0]) }
        noSecuritiesStatement = statement != nil
        let tableEnd = min(furtherOwners ?? count, afterTables > 0 ? end(after: afterTables - 1) : count, statement ?? count)
        let headerEnd = tableITitle ?? tableIITitle ?? min(end(after: -1), count)
        labelRegions.append(bytes(0, headerEnd))
        if let tableITitle { tableI = (tableITitle + 1)..<(tableIITitle ?? tableEnd) }
        if let tableIITitle { tableII = (tableIITitle + 1)..<max(tableIITitle + 1, tableEnd) }
        if let furtherOwners { labelRegions.append(bytes(furtherOwners, end(after: furtherOwners))) }

        if let explanation {
            var parts: [Range<Int>] = []
            if let label = text.find(Pattern.explanation, in: lines[explanation]) {
                var rest = label.upperBound
                if rest < lines[explanation].upperBound, text.bytes[rest] == UInt8(ascii: ":") { rest += 1 }
                parts.append(rest..<lines[explanation].upperBound)
            }
            parts += ((explanation + 1)..<end(after: explanation)).filter { $0 != statement }.map { lines[$0] }
            footnotes = parts
        }
        if let remarks, let label = text.find(Pattern.remarks, in: lines[remarks]) {
            var parts = [label.upperBound..<lines[remarks].upperBound]
            parts += ((remarks + 1)..<end(after: remarks)).filter { $0 != statement }.map { lines[$0] }
            self.remarks = parts
        }
    }

    enum Pattern {
        static let explanation = BytePattern(text: "explanation of responses")
        static let remarks = BytePattern(text: "remarks:")
        static let signatureCaption = BytePattern(text: "signature of reporting person")
        static let reminder = Array("reminder:".utf8)
        static let reportingPerson = BytePattern(text: "name and address of reporting person")
        static let tableTitle = Array("table i".utf8)
        static let noSecurities = Array("no securities are beneficially owned".utf8)
    }
}

extension TextLayoutParser {
    /// The first line at or after line `start` in which `find(pattern, in: line)` succeeds.
    ///
    /// One search through the rest of the text instead of one per line: a match found there is a match in its
    /// line when it ends within that line (whitespace in a pattern never stops at a line's end, as patterns end
    /// in a literal byte), and a line start is a word start either way (a LF precedes it).
    func firstLine(from start: Int, holding pattern: BytePattern) -> Int? {
        guard start < lines.count else { return nil }
        let words = lines[start].lowerBound
        let end = lines[lines.count - 1].upperBound
        var from = words
        while let hit = find(pattern, in: from..<end, wordsFrom: words) {
            let line = lineIndex(containing: hit.lowerBound, from: start)
            if hit.upperBound <= lines[line].upperBound { return line }
            from = hit.lowerBound + 1
        }
        return nil
    }

    /// The index of the line holding byte `offset` (a byte of a line, not a LF), searching lines `from...`.
    private func lineIndex(containing offset: Int, from: Int) -> Int {
        var (lo, hi) = (from, lines.count - 1)
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// 1 for a "Table I …" title line, 2 for "Table II …", else nil.
    func tableTitle(_ line: Range<Int>) -> Int? {
        let r = trim(line)
        guard let end = match(TextSections.Pattern.tableTitle, at: r.lowerBound, limit: r.upperBound) else { return nil }
        if end == r.upperBound { return 1 }
        let next = bytes[end].asciiLowercased
        if next == UInt8(ascii: "i") {
            guard end + 1 == r.upperBound || !bytes[end + 1].isASCIILetter else { return nil }
            return 2
        }
        return next.isASCIILetter ? nil : 1
    }

    /// The trimmed line is only the word "Date" (a converter may put the caption's second cell on a line of its own).
    func isDateCaption(_ line: Range<Int>) -> Bool {
        let r = trim(line)
        return r.count == 4 && match(Array("date".utf8), at: r.lowerBound, limit: r.upperBound) != nil
    }

    /// The trimmed line is "No securities are beneficially owned", with or without a final period (any case).
    func isNoSecuritiesStatement(_ line: Range<Int>) -> Bool {
        var r = trim(line)
        if !r.isEmpty, bytes[r.upperBound - 1] == UInt8(ascii: ".") { r = r.lowerBound..<(r.upperBound - 1) }
        let pattern = TextSections.Pattern.noSecurities
        guard r.count == pattern.count else { return false }
        for (k, b) in pattern.enumerated() where bytes[r.lowerBound + k].asciiLowercased != b { return false }
        return true
    }

    /// The trimmed line starts with `pattern` (case-insensitive; spaces before a `:` allowed).
    func startsWith(_ pattern: [UInt8], _ line: Range<Int>) -> Bool {
        let r = trim(line)
        return match(pattern, at: r.lowerBound, limit: r.upperBound) != nil
    }
}
