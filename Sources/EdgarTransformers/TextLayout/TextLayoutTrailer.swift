import EdgarCore

extension TextBuffer {
    /// `n. text` lines; a line that does not start a footnote continues the one before.
    func readFootnotes(_ lines: [Range<Int>]) -> [Footnote] {
        var footnotes: [Footnote] = []
        var seen: Set<String> = []
        for line in lines {
            guard let text = foldedString(line) else { continue }
            // Each footnote is listed once: a line such as `1. the first tranche` inside footnote 3 continues it.
            if let (id, rest) = Self.footnoteStart(text), !seen.contains(id) {
                seen.insert(id)
                footnotes.append(Footnote(id: id, text: rest.isEmpty ? nil : rest))
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
        guard let text = foldedString(line), Self.footnoteStart(text) == nil else { return nil }
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let date = tokens.last, Self.looksLikeDate(date) else { return nil }
        let name = text[..<date.startIndex].trimmingSpaces()
        return Signature(name: name.isEmpty ? nil : name, date: String(date))
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
