/// Proleptic Gregorian calendar arithmetic for date validation and the US Eastern DST rules.
enum GregorianCalendar {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A real calendar day, years 0001–9999.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }

    /// The day of the month of the `n`th Sunday (1-based).
    static func nthSunday(_ n: Int, month: Int, year: Int) -> Int {
        let first = weekday(year: year, month: month, day: 1)
        return 1 + (7 - first) % 7 + 7 * (n - 1)
    }

    static func lastSunday(month: Int, year: Int) -> Int {
        let last = daysIn(month: month, year: year)
        return last - weekday(year: year, month: month, day: last)
    }
}
