import EdgarCore

/// A table cell read: the value as shown and the footnote markers `(n)` that trail it.
struct TextCell {
    var value: String?
    var footnoteIDs: [String]
    /// The value is written with `$` (a price, or the value variant of an amount).
    var isMoney: Bool

    var isEmpty: Bool { value == nil && footnoteIDs.isEmpty }
    var field: Field { Field(value, footnoteIDs: footnoteIDs) }

    static let empty = TextCell(value: nil, footnoteIDs: [], isMoney: false)
}

extension TextLayoutParser {
    /// Reads one cell. Trailing `(n)` markers become `Fn`; a numeric cell written `$ 0` reads as `$0`.
    func cell(_ range: Range<Int>?, numeric: Bool = false) -> TextCell {
        guard let range else { return .empty }
        var r = trim(range)
        var ids: [String] = []
        while let (marker, id) = trailingMarker(in: r) {
            ids.append(id)
            r = trim(r.lowerBound..<marker)
            while r.upperBound > r.lowerBound, bytes[r.upperBound - 1] == UInt8(ascii: ",") {
                r = trim(r.lowerBound..<(r.upperBound - 1))
            }
        }
        if ids.count > 1 { ids.reverse() }
        guard !r.isEmpty else { return TextCell(value: nil, footnoteIDs: ids, isMoney: false) }
        // `$ (3)`: a value (not shares) given only as a footnote.
        if numeric, !ids.isEmpty, r.count == 1, bytes[r.lowerBound] == UInt8(ascii: "$") {
            return TextCell(value: nil, footnoteIDs: ids, isMoney: true)
        }
        let isMoney = bytes[r.lowerBound] == UInt8(ascii: "$")
        if numeric && isMoney {
            let digits = trim((r.lowerBound + 1)..<r.upperBound)
            return TextCell(value: "$" + string(digits), footnoteIDs: ids, isMoney: true)
        }
        return TextCell(value: string(r), footnoteIDs: ids, isMoney: isMoney)
    }

    /// A `(digits)` marker ending `range`: its start and its footnote id.
    private func trailingMarker(in range: Range<Int>) -> (Int, String)? {
        guard range.count >= 3, bytes[range.upperBound - 1] == UInt8(ascii: ")") else { return nil }
        var i = range.upperBound - 2
        var number = 0
        var digits = 0
        var scale = 1
        while i >= range.lowerBound, bytes[i].isASCIIDigit, digits < 6 {
            number += Int(bytes[i] - UInt8(ascii: "0")) * scale
            scale *= 10
            digits += 1
            i -= 1
        }
        guard digits > 0, i >= range.lowerBound, bytes[i] == UInt8(ascii: "(") else { return nil }
        return (i, "F\(number)")
    }
}
