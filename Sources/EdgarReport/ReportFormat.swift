enum ReportFormat {
    /// A median is a whole number or a half.
    static func median(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(Int(value)) + ".5"
    }

    /// `12345678` → `12,345,678`, for people.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}
