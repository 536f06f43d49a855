import EdgarCore

/// Accession numbers (`0001127602-25-004598`) found in names and envelope values.
public enum AccessionNumber {
    /// The accession number in a member's name, with dashes: from the member path when there is one (a member
    /// does not inherit its archive's name), else from the archive's file name.
    public static func fromName(of member: Member) -> String? {
        if let path = member.path { return find(in: path) }
        let fileName = member.archive.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return find(in: fileName)
    }

    /// The first `\d{10}-\d{2}-\d{6}` in `text`, else the first run of exactly 18 digits (returned with dashes).
    /// A match must not touch further digits on either side.
    public static func find(in text: some StringProtocol) -> String? {
        let bytes = Array(text.utf8)
        return dashed(in: bytes) ?? undashed(in: bytes)
    }

    /// `value` as a dashed accession number if it is one, with or without dashes; nil otherwise.
    public static func normalized(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        if bytes.count == 20, let found = dashed(in: bytes) { return found }
        if bytes.count == 18, let found = undashed(in: bytes) { return found }
        return nil
    }

    private static func dashed(in bytes: [UInt8]) -> String? {
        guard bytes.count >= 20 else { return nil }
        for start in 0...(bytes.count - 20) where isBoundary(bytes, before: start, after: start + 20) {
            var ok = true
            for k in 0..<20 {
                let isDashPosition = k == 10 || k == 13
                if isDashPosition ? bytes[start + k] != .dash : !bytes[start + k].isASCIIDigit {
                    ok = false
                    break
                }
            }
            if ok { return String(decoding: bytes[start..<(start + 20)], as: UTF8.self) }
        }
        return nil
    }

    private static func undashed(in bytes: [UInt8]) -> String? {
        var start = 0
        while start < bytes.count {
            guard bytes[start].isASCIIDigit else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, bytes[end].isASCIIDigit { end += 1 }
            if end - start == 18 {
                let d = bytes[start..<end]
                return String(decoding: d.prefix(10), as: UTF8.self) + "-"
                    + String(decoding: d.dropFirst(10).prefix(2), as: UTF8.self) + "-"
                    + String(decoding: d.suffix(6), as: UTF8.self)
            }
            start = end
        }
        return nil
    }

    private static func isBoundary(_ bytes: [UInt8], before: Int, after: Int) -> Bool {
        (before == 0 || !bytes[before - 1].isASCIIDigit) && (after == bytes.count || !bytes[after].isASCIIDigit)
    }
}
