import EdgarCore
import Testing

/// The one list of ownership forms, and the byte test the extractor and the triage share.
@Suite struct FormTypeTests {
    @Test func theSixFormsInContractOrder() {
        #expect(FormType.spellings == ["3", "3/A", "4", "4/A", "5", "5/A"])
        #expect(FormType.allCases.filter(\.isAmendment).map(\.rawValue) == ["3/A", "4/A", "5/A"])
        #expect(FormType(rawValue: "4/a") == nil, "rawValue is the canonical spelling only")
    }

    @Test(arguments: [("4", true), ("3/A", true), ("5/a", true), ("6", false), ("4/B", false), ("44", false),
                      ("4/AB", false), ("", false), ("2", false), ("A/4", false), ("4-A", false)])
    func ownershipSpellingsInAnyCase(_ text: String, _ expected: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { FormType.isOwnership($0, from: 0, to: $0.count) } == expected, "\(text)")
    }
}
