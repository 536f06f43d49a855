extension Normalize {
    /// A date as `YYYY-MM-DD`, from `YYYY-MM-DD` (with an optional timezone suffix `Z` or `±hh:mm`, dropped),
    /// `YYYYMMDD`, or `M/D/YYYY` with one- or two-digit month and day. Impossible dates are `invalid_date`.
    public static func date(_ raw: String?) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        var copy = text
        guard let ymd = copy.withUTF8({ parseDate($0) }),
            GregorianCalendar.isValid(year: ymd.year, month: ymd.month, day: ymd.day)
        else { return .invalid(.invalidDate) }
        if text.utf8.count == 10 && ymd.dashed { return .valid(text) }
        return .valid(isoDate(year: ymd.year, month: ymd.month, day: ymd.day))
    }

    static func isoDate(year: Int, month: Int, day: Int) -> String {
        // Ten ASCII bytes: a small string, built in place without an intermediate array.
        String(unsafeUninitializedCapacity: 10) { out in
            writeDigits(year, width: 4, to: out, at: 0)
            out[4] = UInt8(ascii: "-")
            writeDigits(month, width: 2, to: out, at: 5)
            out[7] = UInt8(ascii: "-")
            writeDigits(day, width: 2, to: out, at: 8)
            return 10
        }
    }

    /// `value` as exactly `width` decimal digits (zero-padded, the highest digits dropped) at `out[start...]`.
    static func writeDigits(_ value: Int, width: Int, to out: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for i in stride(from: start + width - 1, through: start, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The decimal value of `bytes[range]` when every byte is a digit.
    @inline(__always)
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.upperBound <= bytes.count else { return nil }
        var value = 0
        for i in range {
            guard bytes[i].isASCIIDigit else { return nil }
            value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
        }
        return value
    }

    /// Year, month and day in one of the accepted shapes (not yet checked against the calendar).
    static func parseDate(_ b: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int, dashed: Bool)? {
        let n = b.count
        if n >= 10 && b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-") {
            guard let y = number(b, 0..<4), let m = number(b, 5..<7), let d = number(b, 8..<10),
                isTimezoneSuffix(b, from: 10)
            else { return nil }
            return (y, m, d, true)
        }
        if n == 8, let y = number(b, 0..<4), let m = number(b, 4..<6), let d = number(b, 6..<8) {
            return (y, m, d, false)
        }
        // M/D/YYYY: split on the two slashes.
        guard let slash1 = b.firstIndex(of: UInt8(ascii: "/")),
            let slash2 = b[(slash1 + 1)...].firstIndex(of: UInt8(ascii: "/")),
            (1...2).contains(slash1), (1...2).contains(slash2 - slash1 - 1), n - slash2 - 1 == 4,
            let m = number(b, 0..<slash1), let d = number(b, (slash1 + 1)..<slash2), let y = number(b, (slash2 + 1)..<n)
        else { return nil }
        return (y, m, d, false)
    }

    /// Nothing, `Z`, or `±hh:mm` from `start` to the end.
    static func isTimezoneSuffix(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let rest = b.count - start
        if rest == 0 { return true }
        if rest == 1 { return b[start] == UInt8(ascii: "Z") || b[start] == UInt8(ascii: "z") }
        guard rest == 6, b[start] == UInt8(ascii: "+") || b[start] == UInt8(ascii: "-"), b[start + 3] == UInt8(ascii: ":"),
            let hours = number(b, (start + 1)..<(start + 3)), let minutes = number(b, (start + 4)..<(start + 6))
        else { return false }
        return hours <= 14 && minutes <= 59
    }
}
