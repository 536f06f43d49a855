extension Normalize {
    /// The envelope's `YYYYMMDDhhmmss` (US Eastern local time) as RFC 3339 with the Eastern offset in force then:
    /// `20031112170210` -> `2003-11-12T17:02:10-05:00`. Not a real time: `invalid_date`.
    public static func acceptanceDatetime(_ raw: String?) -> Normalized<String> {
        guard let text = string(raw) else { return .null }
        var copy = text
        let parts: [Int]? = copy.withUTF8 { b in
            guard b.count == 14 else { return nil }
            let ranges = [0..<4, 4..<6, 6..<8, 8..<10, 10..<12, 12..<14]
            var values: [Int] = []
            for range in ranges {
                guard let v = number(b, range) else { return nil }
                values.append(v)
            }
            return values
        }
        guard let parts, GregorianCalendar.isValid(year: parts[0], month: parts[1], day: parts[2]),
            parts[3] < 24, parts[4] < 60, parts[5] < 60
        else { return .invalid(.invalidDate) }
        let (year, month, day, hour) = (parts[0], parts[1], parts[2], parts[3])

        var out = Array(isoDate(year: year, month: month, day: day).utf8)
        out.append(UInt8(ascii: "T"))
        appendDigits(hour, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(parts[4], width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(parts[5], width: 2, to: &out)
        let offset = EasternTime.isDaylightSaving(year: year, month: month, day: day, hour: hour) ? "-04:00" : "-05:00"
        out.append(contentsOf: offset.utf8)
        return .valid(String(decoding: out, as: UTF8.self))
    }
}
