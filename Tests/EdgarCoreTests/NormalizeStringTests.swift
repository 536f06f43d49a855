import EdgarCore
import Testing

@Suite struct NormalizeStringTests {
    @Test(arguments: [
        ("abc", "abc"),
        ("  abc  ", "abc"),
        ("\n\t abc\r\n", "abc"),
        ("\u{00A0}abc\u{00A0}", "abc"),
        ("\u{2003}Jane  Q.\tDoe\u{3000}", "Jane  Q.\tDoe"),
        ("a  b", "a  b"),
        ("a\nb", "a\nb"),
        ("é", "é"),
        (" Société Générale ", "Société Générale"),
        ("$", "$"),
    ])
    func trimsSurroundingWhitespaceOnly(raw: String, expected: String) {
        #expect(Normalize.string(raw) == expected)
    }

    @Test(arguments: [nil, "", " ", "\n\t\r", "\u{00A0}", "\u{2028} \u{00A0}"] as [String?])
    func emptyIsNull(raw: String?) {
        #expect(Normalize.string(raw) == nil)
    }

    @Test(arguments: [("abc", false), ("", false), ("caf\u{E9}", true), ("\u{00A0}", true), ("a\u{7F}", false)])
    func detectsNonASCII(raw: String, expected: Bool) {
        #expect(Normalize.containsNonASCII(raw) == expected)
    }
}

@Suite struct NormalizeBooleanTests {
    @Test(arguments: [
        ("1", true), ("true", true), ("TRUE", true), ("True", true), (" 1 ", true), ("\ntrue\n", true),
        ("0", false), ("false", false), ("FALSE", false), ("fAlSe", false), (" 0\t", false),
    ])
    func acceptsTheFourSpellingsInAnyCase(raw: String, expected: Bool) {
        #expect(Normalize.boolean(raw) == .valid(expected))
    }

    @Test(arguments: [nil, "", "  "] as [String?])
    func absentOrEmptyIsNullWithoutIssue(raw: String?) {
        #expect(Normalize.boolean(raw) == .null)
    }

    @Test(arguments: ["yes", "no", "X", "2", "t", "f", "01", "1.0", "true false", "-1"])
    func anythingElseIsInvalid(raw: String) {
        #expect(Normalize.boolean(raw) == .invalid(.invalidBoolean))
    }
}

@Suite struct NormalizeCIKTests {
    @Test(arguments: [
        ("1023731", "0001023731"), ("0001023731", "0001023731"), ("1", "0000000001"), ("0", "0000000000"),
        (" 320193 ", "0000320193"), ("9999999999", "9999999999"),
    ])
    func zeroPadsToTenDigits(raw: String, expected: String) {
        #expect(Normalize.cik(raw) == .valid(expected))
    }

    @Test(arguments: ["12345678901", "00001023731", "CIK1023731", "102-3731", "1023731.0", "-1", "١٢٣"])
    func rejectsNonDigitsAndMoreThanTenDigits(raw: String) {
        #expect(Normalize.cik(raw) == .invalid(.invalidCIK))
    }

    @Test func emptyIsNull() {
        #expect(Normalize.cik(nil) == .null)
        #expect(Normalize.cik(" ") == .null)
    }
}

@Suite struct NormalizeCodeTests {
    static let transactionCodes = "ACDEFGHIJLMOPSUWXZ".map { String($0) }

    @Test(arguments: transactionCodes)
    func everyListedTransactionCodeIsKnown(code: String) {
        #expect(Normalize.code(code, in: .transactionCode) == .valid(code))
        #expect(Normalize.code(" \(code.lowercased()) ", in: .transactionCode) == .valid(code))
    }

    @Test(arguments: ["B", "K", "N", "Q", "R", "T", "V", "Y", "MM", "1", "S-", "é"])
    func transactionCodesOutsideTheListAreKeptAndFlagged(raw: String) {
        #expect(Normalize.code(raw, in: .transactionCode) == Normalized(value: raw.uppercased(), issue: .unknownCode))
    }

    @Test(arguments: [
        (CodeList.acquiredDisposed, "a", "A", nil), (.acquiredDisposed, "D", "D", nil),
        (.acquiredDisposed, "x", "X", ValueIssueCode.unknownCode), (.acquiredDisposed, "AD", "AD", .unknownCode),
        (.directIndirect, "d", "D", nil), (.directIndirect, "I", "I", nil), (.directIndirect, "Direct", "DIRECT", .unknownCode),
        (.timeliness, "e", "E", nil), (.timeliness, "L", "L", nil), (.timeliness, "V", "V", .unknownCode),
    ])
    func otherListsUpperCaseAndFlag(list: CodeList, raw: String, value: String, issue: ValueIssueCode?) {
        #expect(Normalize.code(raw, in: list) == Normalized(value: value, issue: issue))
    }

    @Test func withoutAListAnyTokenIsUpperCased() {
        #expect(Normalize.code(" 4 ", in: nil) == .valid("4"))
        #expect(Normalize.code("4/a") == .valid("4/A"))
        #expect(Normalize.code("") == .null)
        #expect(Normalize.code(nil, in: .timeliness) == .null)
        #expect(Normalize.code("  ", in: .transactionCode) == .null)
    }
}

@Suite struct NormalizeAccessionTests {
    @Test(arguments: [
        ("0001181431-03-041285", "0001181431-03-041285"), ("000118143103041285", "0001181431-03-041285"),
        (" 0001181431-03-041285\n", "0001181431-03-041285"),
    ])
    func dashedFromEitherForm(raw: String, expected: String) {
        #expect(Normalize.accessionNumber(raw) == expected)
    }

    @Test(arguments: [
        nil, "", "0001181431-03-04128", "00011814310304128", "0001181431030412855", "0001181431_03_041285",
        "000118143-103-041285", "A001181431-03-041285", "00011814310304128X",
    ] as [String?])
    func anythingElseIsNil(raw: String?) {
        #expect(Normalize.accessionNumber(raw) == nil)
    }
}

/// The byte-level fast paths (ASCII trimming, code lists, plain decimals) agree with the plain definitions.
@Suite struct NormalizeFastPathTests {
    /// Unicode `White_Space` trimming done the obvious way.
    private static func referenceTrim(_ raw: String) -> String? {
        let scalars = Array(raw.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start...end])
        return String(out)
    }

    @Test func trimmingAgreesWithUnicodeWhiteSpaceAtEveryEdge() {
        let edges = [
            "", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}",
            " \u{A0}", "\u{2003} ", "\u{3000}", "é", " é", "x",
        ]
        let middles = ["", "a", "a b", "é", "a\nb", " ", "\u{A0}"]
        for left in edges {
            for middle in middles {
                for right in edges {
                    let raw = left + middle + right
                    #expect(Normalize.string(raw) == Self.referenceTrim(raw), "\(raw.debugDescription)")
                }
            }
        }
    }

    @Test func trimmedUTF8IsTheUTF8OfTheTrimmedString() {
        let edges = ["", " ", "\t", "\r\n", "\u{A0}", " \u{A0}", "\u{3000}", "é", "x"]
        let middles = ["", "a", "a b", "é", " "]
        var raws: [String?] = [nil]
        for left in edges { for middle in middles { for right in edges { raws.append(left + middle + right) } } }
        for raw in raws {
            var bytes: [UInt8]?
            Normalize.withTrimmedUTF8(raw) { utf8 in bytes = utf8.map { Array($0) } }
            #expect(bytes == Normalize.string(raw).map { Array($0.utf8) }, "\(raw.debugDescription)")
        }
    }

    @Test(arguments: CodeList.allCases)
    func codeListsAcceptExactlyTheirLetters(list: CodeList) {
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let code = String(decoding: [byte], as: UTF8.self)
            let upper = code.uppercased()
            let expected = list.codes.contains(Character(upper)) ? Normalized.valid(upper) : Normalized(value: upper, issue: .unknownCode)
            #expect(Normalize.code(code, in: list) == expected, "\(code)")
        }
    }

    @Test(arguments: [
        ("1", true), ("-1", true), ("0", true), ("-0", true), ("0.5", true), ("10.25", true), ("", false), ("-", false),
        ("01", false), ("1.", false), (".5", false), ("1.2.3", false), ("1e3", false), ("+1", false), ("1,000", false),
        ("-.5", false), ("00", false), ("0.00", true), ("1 ", false),
    ])
    func plainDecimalsPassThroughUnchanged(raw: String, plain: Bool) {
        if plain { #expect(Normalize.decimal(raw) == .valid(raw)) } else { #expect(Normalize.decimal(raw) != .valid(raw)) }
    }

    @Test func datesAndAccessionNumbersAreBuiltDigitByDigit() {
        #expect(Normalize.date("00010101") == .valid("0001-01-01"))
        #expect(Normalize.date("9999-12-31") == .valid("9999-12-31"))
        #expect(Normalize.date("1/2/2003") == .valid("2003-01-02"))
        #expect(Normalize.accessionNumber("000118143103041285") == "0001181431-03-041285")
        #expect(Normalize.accessionNumber(" 0001181431-03-041285 ") == "0001181431-03-041285")
        #expect(Normalize.accessionNumber("0001181431-03-04128x") == nil)
        #expect(Normalize.accessionNumber("00011814310304128") == nil)
    }
}
