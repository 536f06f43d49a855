import EdgarCore
import Foundation
import Testing

@Suite struct NormalizeDecimalTests {
    @Test(arguments: [
        ("3.9459", "3.9459"), ("58,000", "58000"), ("1,234,567.89", "1234567.89"), ("$0.85", "0.85"),
        ("\\$0.85", "0.85"), (".5", "0.5"), ("1.23E+03", "1230"), ("1.5e-2", "0.015"), ("-3", "-3"), ("+4", "4"),
        ("007", "7"), ("0.000", "0.000"), ("12629.042", "12629.042"), ("5.", "5"), ("0", "0"), ("00", "0"),
        ("00.50", "0.50"), ("-0.5", "-0.5"), ("-.5", "-0.5"), ("$-1.00", "-1.00"), ("-$1.00", "-1.00"),
        ("+$2", "2"), ("\\$1,000", "1000"), ("  250000.0  ", "250000.0"), ("\u{00A0}19.82\u{00A0}", "19.82"),
        ("1e3", "1000"), ("1E0", "1"), ("1.50E+1", "15.0"), ("123e-1", "12.3"), ("123e-3", "0.123"),
        ("123e-5", "0.00123"), ("0.0001e4", "1"), ("0.00010e4", "1.0"), ("5.e2", "500"), (".5e1", "5"),
        ("999999999999.9999", "999999999999.9999"), ("123456789012345678901234567890.123456789",
            "123456789012345678901234567890.123456789"),
        ("0e5", "0"), ("1E+000", "1"), ("22625", "22625"),
    ])
    func normalisesToExactPlainDigits(raw: String, expected: String) {
        #expect(Normalize.decimal(raw) == .valid(expected))
    }

    @Test(arguments: [
        "( 1,000 )", "(1000)", "abc", "N/A", "-", "+", "$", ".", "e5", "1e", "1e+", "1.2.3", "1,", ",1", "1,,000",
        "1 000", "$ 5", "1.000,5", "--1", "+-1", "$$1", "1$", "12%", "0x1F", "Infinity", "NaN", "1e101", "1E-999",
        "1_000", "١٢", "1.5 shares", "\\1", "5-",
    ])
    func notANumberIsInvalid(raw: String) {
        #expect(Normalize.decimal(raw) == .invalid(.invalidDecimal))
    }

    @Test(arguments: [nil, "", " \n "] as [String?])
    func emptyIsNull(raw: String?) {
        #expect(Normalize.decimal(raw) == .null)
    }

    /// Whatever is emitted must be a JSON number in plain notation: `-?(0|[1-9]\d*)(\.\d+)?`.
    @Test(arguments: [
        "1", "+1", ".1", "1.", "-.1", "$.5", "0001.100", "1e2", "1.e-3", "$-0", "-0.0", "1,000.", "\\$.25", "0e-2",
    ])
    func outputIsAlwaysAValidJSONNumber(raw: String) throws {
        let digits = try #require(Normalize.decimal(raw).value)
        #expect(digits.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?/) != nil, "\(raw) -> \(digits)")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(digits)]".utf8)) as? [NSNumber]
        #expect(parsed?.count == 1)
    }

    @Test func theLargestAcceptedExponentExpandsExactly() {
        #expect(Normalize.decimal("1e100") == .valid("1" + String(repeating: "0", count: 100)))
        #expect(Normalize.decimal("1e-100") == .valid("0." + String(repeating: "0", count: 99) + "1"))
    }
}
