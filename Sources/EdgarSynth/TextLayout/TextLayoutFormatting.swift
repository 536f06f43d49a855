import EdgarCore

/// How the text layout shows values: dates `MM/DD/YYYY`, amounts with thousands separators, prices with `$`,
/// footnote references as trailing `(n)` markers.
struct TextLayoutFormatter {
    let options: TextLayoutRenderOptions

    /// `2003-11-10` (with or without a timezone suffix) becomes `11/10/2003`; anything else is written as held.
    func date(_ value: String?) -> String? {
        guard let value = clean(value) else { return nil }
        guard options.displayDates else { return value }
        let chars = Array(value.utf8)
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ chars[$0] >= 48 && chars[$0] <= 57 })
        else { return value }
        let s = Array(value)
        return String(s[5..<7]) + "/" + String(s[8..<10]) + "/" + String(s[0..<4])
    }

    /// A plain decimal gets thousands separators (when asked); anything else is written as held.
    func amount(_ value: String?) -> String? {
        guard let value = clean(value) else { return nil }
        guard options.thousandsSeparators, let (sign, integer, fraction) = Self.plainDecimal(value) else { return value }
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + fraction
    }

    /// A price or a value: `$` before a number.
    func money(_ value: String?) -> String? {
        guard let value = clean(value) else { return nil }
        if value.hasPrefix("$") { return value }
        let digits = value.filter { $0 != "," }
        guard Self.plainDecimal(digits) != nil else { return value }
        return "$" + (amount(digits) ?? digits)
    }

    /// A table cell: the value (underlined when asked) followed by its footnote markers.
    func cell(_ value: String?, _ footnoteIDs: [String]) -> String {
        var parts: [String] = []
        if let value { parts.append(options.underlineTableCells ? underlined(value) : value) }
        parts += footnoteIDs.map(marker)
        return parts.joined(separator: " ")
    }

    func underlined(_ value: String) -> String { options.underline ? "<u>" + value + "</u>" : value }

    /// `F12` is shown as `(12)`.
    func marker(_ id: String) -> String {
        let digits = id.hasPrefix("F") ? String(id.dropFirst()) : id
        return "(" + digits + ")"
    }

    /// A value on one line: tabs and line breaks would be read as cell and row separators.
    func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let flat = String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        let trimmed = flat.drop(while: { $0 == " " })
        var end = trimmed.endIndex
        while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " { end = trimmed.index(before: end) }
        let result = String(trimmed[..<end])
        return result.isEmpty ? nil : result
    }

    static func plainDecimal(_ value: String) -> (String, String, String)? {
        var s = Substring(value)
        var sign = ""
        if s.first == "-" {
            sign = "-"
            s = s.dropFirst()
        }
        let integer = s.prefix { $0.isASCII && $0.isNumber }
        let rest = s.dropFirst(integer.count)
        guard !integer.isEmpty else { return nil }
        if rest.isEmpty { return (sign, String(integer), "") }
        guard rest.first == ".", rest.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (sign, String(integer), String(rest))
    }

    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        let v = value.lowercased().filter { !$0.isWhitespace }
        return v == "1" || v == "true"
    }
}
