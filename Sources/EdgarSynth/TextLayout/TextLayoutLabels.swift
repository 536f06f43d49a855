/// The printed text of Forms 3, 4 and 5 as the text layout shows it (the seed for Form 4).
enum TextLayoutForm {
    case form3, form4, form5

    init(documentType: String?) {
        switch documentType?.trimmingCharacters(in: " ").first {
        case "3": self = .form3
        case "5": self = .form5
        default: self = .form4
        }
    }

    var ombNumber: String {
        switch self {
        case .form3: "3235-0104"
        case .form4: "3235-0287"
        case .form5: "3235-0362"
        }
    }

    var burdenHours: String { self == .form5 ? "1.0" : "0.5" }

    var title: String {
        switch self {
        case .form3: "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES"
        case .form4: "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"
        case .form5: "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"
        }
    }

    var periodLabel: String {
        switch self {
        case .form3: "2. Date of Event Requiring Statement (Month/Day/Year)"
        case .form4: "3. Date of Earliest Transaction (Month/Day/Year)"
        case .form5: "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
        }
    }

    var issuerLabel: String { (self == .form3 ? "3." : "2.") + " Issuer Name and Ticker or Trading Symbol" }
    var relationshipLabel: String {
        (self == .form3 ? "4." : "5.") + " Relationship of Reporting Person(s) to Issuer (Check all applicable)"
    }
    var amendmentLabel: String {
        (self == .form3 ? "5." : "4.") + " If Amendment, Date of Original Filed (Month/Day/Year)"
    }
    /// Form 4 and 5 renderings differ in Table I column 5 and in the `V` column, which Form 5 does not show.
    var hasTimelinessColumn: Bool { self == .form4 }
}

enum TextLayoutText {
    static let reportingPerson = "1. Name and Address of Reporting Person*"
    static let notSubject =
        "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b)."
    static let aff10b5One =
        "Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for "
        + "the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense "
        + "conditions of Rule 10b5-1(c). See Instruction 10."
    static let filedPursuant =
        "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment "
        + "Company Act of 1940"
    static let jointFiling = "6. Individual or Joint/Group Filing (Check Applicable Line)"
    static let oneReportingPerson = "Form filed by One Reporting Person"
    static let moreThanOne = "Form filed by More than One Reporting Person"
    static let noSecurities = "No securities are beneficially owned."

    static let tableI4 = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
    static let tableII4 =
        "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, "
        + "options, convertible securities)"
    static let tableI3 = "Table I - Non-Derivative Securities Beneficially Owned"
    static let tableII3 =
        "Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)"

    static func tableIHeader(_ form: TextLayoutForm) -> [String] {
        if form == .form3 {
            return [
                "1. Title of Security (Instr. 4)", "2. Amount of Securities Beneficially Owned (Instr. 4)",
                "3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                "4. Nature of Indirect Beneficial Ownership (Instr. 5)",
            ]
        }
        let owned =
            form == .form5
            ? "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)"
            : "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)"
        return [
            "1. Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)",
            "2A. Deemed Execution Date, if any (Month/Day/Year)", "3. Transaction Code (Instr. 8)",
        ] + (form.hasTimelinessColumn ? [""] : []) + [
            "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)", "", "", owned,
            "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", "7. Nature of Indirect Beneficial Ownership (Instr. 4)",
        ]
    }

    static func tableISubHeader(_ form: TextLayoutForm) -> [String] {
        if form == .form3 { return [] }
        return ["", "", "", form.hasTimelinessColumn ? "Code" : ""] + (form.hasTimelinessColumn ? ["V"] : [])
            + ["Amount", "(A) or (D)", "Price", "", "", ""]
    }

    static func tableIIHeader(_ form: TextLayoutForm) -> [String] {
        if form == .form3 {
            return [
                "1. Title of Derivative Security (Instr. 4)", "2. Date Exercisable and Expiration Date (Month/Day/Year)", "",
                "3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)", "",
                "4. Conversion or Exercise Price of Derivative Security",
                "5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                "6. Nature of Indirect Beneficial Ownership (Instr. 5)",
            ]
        }
        return [
            "1. Title of Derivative Security (Instr. 3)", "2. Conversion or Exercise Price of Derivative Security",
            "3. Transaction Date (Month/Day/Year)", "3A. Deemed Execution Date, if any (Month/Day/Year)",
            "4. Transaction Code (Instr. 8)",
        ] + (form.hasTimelinessColumn ? [""] : []) + [
            "5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)", "",
            "6. Date Exercisable and Expiration Date (Month/Day/Year)", "",
            "7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)", "",
            "8. Price of Derivative Security (Instr. 5)",
            "9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)",
            "10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
            "11. Nature of Indirect Beneficial Ownership (Instr. 4)",
        ]
    }

    static func tableIISubHeader(_ form: TextLayoutForm) -> [String] {
        let underlying = ["Date Exercisable", "Expiration Date", "Title", "Amount or Number of Shares"]
        if form == .form3 { return [""] + underlying + ["", "", ""] }
        return ["", "", "", "", form.hasTimelinessColumn ? "Code" : ""] + (form.hasTimelinessColumn ? ["V"] : [])
            + ["(A)", "(D)"] + underlying + ["", "", "", "", ""]
    }

    static let explanation = "Explanation of Responses:"
    static let remarks = "Remarks:"
    static let footer = [
        "** Signature of Reporting Person Date",
        "Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.",
        "* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).",
        "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations See 18 U.S.C. 1001 "
            + "and 15 U.S.C. 78ff(a).",
        "Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see "
            + "Instruction 6 for procedure.",
        "Persons who respond to the collection of information contained in this form are not required to respond "
            + "unless the form displays a currently valid OMB Number.",
    ]
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return s
    }
}
