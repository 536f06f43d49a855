/// US Eastern daylight saving time, by the federal rules since the Uniform Time Act.
public enum EasternTime {
    /// Whether DST is in force at local wall-clock `hour` of that day. Changes happen at 02:00 local time; the
    /// repeated hour when DST ends (01:00–01:59) is taken as its first, daylight, occurrence. Before 1967 there
    /// was no uniform rule and standard time is assumed (the 1974–75 emergency year-round DST is not modelled).
    public static func isDaylightSaving(year: Int, month: Int, day: Int, hour: Int) -> Bool {
        let start: (month: Int, day: Int)
        let end: (month: Int, day: Int)
        switch year {
        case 2007...:
            start = (3, GregorianCalendar.nthSunday(2, month: 3, year: year))
            end = (11, GregorianCalendar.nthSunday(1, month: 11, year: year))
        case 1987...2006:
            start = (4, GregorianCalendar.nthSunday(1, month: 4, year: year))
            end = (10, GregorianCalendar.lastSunday(month: 10, year: year))
        case 1967...1986:
            start = (4, GregorianCalendar.lastSunday(month: 4, year: year))
            end = (10, GregorianCalendar.lastSunday(month: 10, year: year))
        default:
            return false
        }
        let now = (month, day, hour)
        return now >= (start.month, start.day, 2) && now < (end.month, end.day, 2)
    }
}
