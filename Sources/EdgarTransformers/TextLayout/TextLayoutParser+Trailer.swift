import EdgarCore

extension TextLayoutParser {
    /// `n. text` lines; a line that does not start a footnote continues the one before.
    func readFootnotes(_ lines: [Range<Int>]) -> [Footnote] {
        var footnotes: [Footnote] = []
        var seen: [Int] = []
        for line in lines {
            guard let text = foldedString(line) else { continue }
            // Each footnote is listed once: a line such as `1. the first tranche` inside footnote 3 continues it.
            if let (number, rest) = footnoteStart(line, folded: text), !seen.contains(number) {
                seen.append(number)
                footnotes.append(Footnote(id: "F" + String(number), text: rest.isEmpty ? nil : rest))
            } else if let last = footnotes.indices.last {
                // Appended in place: rebuilding the text per line would be quadratic on a long footnote.
                if footnotes[last].text == nil {
                    footnotes[last].text = text
                } else {
                    footnotes[last].text!.append("\n")
                    footnotes[last].text!.append(text)
                }
            }
        }
        return footnotes
    }

    /// `footnoteStart` of a line whose folded text is `folded`, read on the bytes when the line is ASCII (then
    /// bytes and characters coincide); the footnote's number and its text.
    private func footnoteStart(_ line: Range<Int>, folded: String) -> (Int, String)? {
        guard isASCII(line) else { return Self.footnoteStart(folded).map { (Int($0.0.dropFirst())!, $0.1) } }
        let r = trim(line)
        guard let markEnd = footnoteMarkEnd(r) else { return nil }
        // The mark has no whitespace before it: it is the folded text's first bytes.
        let rest = folded[folded.utf8.index(folded.utf8.startIndex, offsetBy: markEnd - r.lowerBound)...]
        return (footnoteNumber(r), rest.trimmingSpaces())
    }

    /// The end of the `12.`, `12)` or `(12)` that starts the trimmed ASCII range `r` when a space or the end
    /// follows it, else nil: `footnoteStart` on bytes.
    private func footnoteMarkEnd(_ r: Range<Int>) -> Int? {
        var i = r.lowerBound
        let parenthesised = i < r.upperBound && bytes[i] == UInt8(ascii: "(")
        if parenthesised { i += 1 }
        let digitsStart = i
        while i < r.upperBound, bytes[i].isASCIIDigit { i += 1 }
        guard i > digitsStart, i - digitsStart <= 6, i < r.upperBound else { return nil }
        let mark = bytes[i]
        guard parenthesised ? mark == UInt8(ascii: ")") : (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"))
        else { return nil }
        i += 1
        guard i == r.upperBound || bytes[i].isASCIIWhitespace else { return nil }
        return i
    }

    /// The number of a footnote mark found by `footnoteMarkEnd` in `r`.
    private func footnoteNumber(_ r: Range<Int>) -> Int {
        var i = r.lowerBound
        if bytes[i] == UInt8(ascii: "(") { i += 1 }
        var number = 0
        while bytes[i].isASCIIDigit {
            number = number * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        return number
    }

    /// `12. text`, `12) text` or `(12) text`.
    static func footnoteStart(_ text: String) -> (String, String)? {
        var s = Substring(text)
        let parenthesised = s.first == "("
        if parenthesised { s = s.dropFirst() }
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
        s = s.dropFirst(digits.count)
        guard let mark = s.first, parenthesised ? mark == ")" : (mark == "." || mark == ")") else { return nil }
        s = s.dropFirst()
        guard s.isEmpty || s.first!.isWhitespace else { return nil }
        return ("F\(number)", s.trimmingSpaces())
    }

    /// The lines as written (tabs folded), joined by line breaks, blank lines at both ends dropped.
    func readRemarks(_ lines: [Range<Int>]) -> String? {
        let text = lines.map { foldedString($0) ?? "" }.joined(separator: "\n")
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A signature line: a name followed by a date (`/s/ Christopher Peters 11/12/2003`).
    func signature(_ line: Range<Int>) -> Signature? {
        guard isASCII(line) else { return signatureOfText(line) }
        // On ASCII bytes and characters coincide: the same reading without splitting Strings.
        let r = trim(line)
        guard !r.isEmpty else { return nil }
        var dateStart = r.upperBound
        while dateStart > r.lowerBound, !bytes[dateStart - 1].isSpaceTabCROrLF { dateStart -= 1 }
        guard looksLikeDate(dateStart..<r.upperBound), footnoteMarkEnd(r) == nil else { return nil }
        let name = foldedString(r.lowerBound..<dateStart)?.trimmingSpaces() ?? ""
        return Signature(name: name.isEmpty ? nil : name, date: string(dateStart..<r.upperBound))
    }

    /// `signature` on the decoded text, for lines that are not ASCII.
    private func signatureOfText(_ line: Range<Int>) -> Signature? {
        guard let text = foldedString(line), Self.footnoteStart(text) == nil else { return nil }
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let date = tokens.last, Self.looksLikeDate(date) else { return nil }
        let name = text[..<date.startIndex].trimmingSpaces()
        return Signature(name: name.isEmpty ? nil : name, date: String(date))
    }

    /// `looksLikeDate` on ASCII bytes.
    private func looksLikeDate(_ token: Range<Int>) -> Bool {
        // The lengths of the digit runs and the one separator between them.
        var parts: [Int] = []
        var separator: UInt8 = 0
        var run = 0
        for i in token {
            let b = bytes[i]
            if b.isASCIIDigit {
                run += 1
            } else if (b == UInt8(ascii: "/") || b == UInt8(ascii: "-")) && (separator == 0 || separator == b) {
                guard run > 0, parts.count < 2 else { return false }
                separator = b
                parts.append(run)
                run = 0
            } else {
                return false
            }
        }
        guard run > 0, parts.count == 2 else { return false }
        parts.append(run)
        if separator == UInt8(ascii: "/") { return parts[0] <= 2 && parts[1] <= 2 && (parts[2] == 4 || parts[2] == 2) }
        return parts == [4, 2, 2]
    }

    /// `MM/DD/YYYY` (one- or two-digit month and day) or `YYYY-MM-DD`.
    static func looksLikeDate(_ token: Substring) -> Bool {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        let allDigits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if parts.count == 3 {
            return parts.allSatisfy(allDigits) && parts[0].count <= 2 && parts[1].count <= 2
                && (parts[2].count == 4 || parts[2].count == 2)
        }
        let dashed = token.split(separator: "-", omittingEmptySubsequences: false)
        return dashed.count == 3 && dashed.allSatisfy(allDigits) && dashed[0].count == 4 && dashed[1].count == 2
            && dashed[2].count == 2
    }
}
