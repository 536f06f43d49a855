import EdgarCore
import Testing

@Suite struct NormalizeDateTests {
    @Test(arguments: [
        ("2003-11-10", "2003-11-10"), ("20031110", "2003-11-10"), ("11/10/2003", "2003-11-10"), ("1/2/2003", "2003-01-02"),
        ("01/02/2003", "2003-01-02"), ("1/02/2003", "2003-01-02"), ("12/31/1999", "1999-12-31"),
        ("2003-11-10-05:00", "2003-11-10"), ("2003-11-10Z", "2003-11-10"), ("2003-11-10+02:00", "2003-11-10"),
        ("2003-11-10z", "2003-11-10"), ("2026-07-20-05:00", "2026-07-20"), (" 2003-11-10 ", "2003-11-10"),
        ("\n20250110\n", "2025-01-10"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
        ("02/29/2024", "2024-02-29"), ("0022-01-10", "0022-01-10"), ("9999-12-31", "9999-12-31"),
        ("2035-01-10", "2035-01-10"),
    ])
    func normalisesToISO(raw: String, expected: String) {
        #expect(Normalize.date(raw) == .valid(expected))
    }

    @Test(arguments: [
        "2023-02-30", "2023-13-01", "2023-00-10", "2023-01-00", "2023-04-31", "1900-02-29", "2023-02-29", "0000-01-01",
        "20231301", "20230230", "13/01/2023", "02/30/2023", "2/29/2023", "00/10/2023",
        "2003-11-10T00:00:00", "2003-11-10-0500", "2003-11-10+2:00", "2003-11-10-05:60",
        "2003-11-10-15:00", "2003-11-10X", "2003/11/10", "10-11-2003", "2003-1-10", "11/10/03", "111/10/2003",
        "11/100/2003", "11/10/20033", "/10/2003", "11//2003", "11/10/", "2003111", "200311100", "abcd-ef-gh",
        "Nov 10, 2003", "2003-11-1a", "+2003-11-10",
    ])
    func impossibleOrUnknownShapesAreInvalid(raw: String) {
        #expect(Normalize.date(raw) == .invalid(.invalidDate))
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func emptyIsNull(raw: String?) {
        #expect(Normalize.date(raw) == .null)
    }
}

@Suite struct NormalizeAcceptanceDatetimeTests {
    @Test(arguments: [
        ("20031112170210", "2003-11-12T17:02:10-05:00"),
        ("20250110160730", "2025-01-10T16:07:30-05:00"),
        ("20070817152725", "2007-08-17T15:27:25-04:00"),
        (" 20221003060512 ", "2022-10-03T06:05:12-04:00"),
        // 2007+: second Sunday of March 02:00 to first Sunday of November 02:00.
        ("20240310015959", "2024-03-10T01:59:59-05:00"), ("20240310030000", "2024-03-10T03:00:00-04:00"),
        ("20240309120000", "2024-03-09T12:00:00-05:00"), ("20241103015959", "2024-11-03T01:59:59-04:00"),
        ("20241103020000", "2024-11-03T02:00:00-05:00"), ("20241102235959", "2024-11-02T23:59:59-04:00"),
        ("20070311030000", "2007-03-11T03:00:00-04:00"), ("20071104120000", "2007-11-04T12:00:00-05:00"),
        ("20071101120000", "2007-11-01T12:00:00-04:00"),
        // 1987–2006: first Sunday of April to last Sunday of October.
        ("20060402010000", "2006-04-02T01:00:00-05:00"), ("20060402030000", "2006-04-02T03:00:00-04:00"),
        ("20061029010000", "2006-10-29T01:00:00-04:00"), ("20061029020000", "2006-10-29T02:00:00-05:00"),
        ("20060315120000", "2006-03-15T12:00:00-05:00"), ("20061101120000", "2006-11-01T12:00:00-05:00"),
        ("20030401120000", "2003-04-01T12:00:00-05:00"), ("20030407120000", "2003-04-07T12:00:00-04:00"),
        ("19990104000000", "1999-01-04T00:00:00-05:00"), ("19990704235959", "1999-07-04T23:59:59-04:00"),
        // 1967–1986: last Sunday of April to last Sunday of October.
        ("19860427030000", "1986-04-27T03:00:00-04:00"), ("19860420120000", "1986-04-20T12:00:00-05:00"),
        ("19861026030000", "1986-10-26T03:00:00-05:00"), ("19861025120000", "1986-10-25T12:00:00-04:00"),
        // Before 1967: standard time.
        ("19660701120000", "1966-07-01T12:00:00-05:00"),
        ("20240229235959", "2024-02-29T23:59:59-05:00"), ("20241231000000", "2024-12-31T00:00:00-05:00"),
    ])
    func rfc3339WithTheEasternOffsetInForce(raw: String, expected: String) {
        #expect(Normalize.acceptanceDatetime(raw) == .valid(expected))
    }

    @Test(arguments: [
        "2003111217021", "200311121702100", "20031312170210", "20030230170210", "20031112240000", "20031112176000",
        "20031112170260", "2003-11-12T17:02:10", "2003111217021a", "00000101000000",
    ])
    func invalidTimesAreInvalidDate(raw: String) {
        #expect(Normalize.acceptanceDatetime(raw) == .invalid(.invalidDate))
    }

    @Test func emptyIsNull() {
        #expect(Normalize.acceptanceDatetime(nil) == .null)
        #expect(Normalize.acceptanceDatetime("") == .null)
    }

    /// Cross-check of the DST switch days against a hand-made list of (year, start day, end day).
    @Test(arguments: [
        (2007, 3, 11, 11, 4), (2008, 3, 9, 11, 2), (2015, 3, 8, 11, 1), (2020, 3, 8, 11, 1), (2025, 3, 9, 11, 2),
        (1987, 4, 5, 10, 25), (1995, 4, 2, 10, 29), (2000, 4, 2, 10, 29), (2006, 4, 2, 10, 29),
        (1970, 4, 26, 10, 25), (1980, 4, 27, 10, 26), (1986, 4, 27, 10, 26),
    ])
    func switchDays(year: Int, startMonth: Int, startDay: Int, endMonth: Int, endDay: Int) {
        #expect(!EasternTime.isDaylightSaving(year: year, month: startMonth, day: startDay, hour: 1))
        #expect(EasternTime.isDaylightSaving(year: year, month: startMonth, day: startDay, hour: 2))
        #expect(!EasternTime.isDaylightSaving(year: year, month: startMonth, day: startDay - 1, hour: 23))
        #expect(EasternTime.isDaylightSaving(year: year, month: endMonth, day: endDay, hour: 1))
        #expect(!EasternTime.isDaylightSaving(year: year, month: endMonth, day: endDay, hour: 2))
        #expect(EasternTime.isDaylightSaving(year: year, month: endMonth, day: endDay - 1, hour: 23))
    }
}
