import EdgarPipeline
import Testing

@Suite struct FormFilterTests {
    @Test(arguments: [("4", "4"), ("4/A", "4/A"), (" 4/a\n", "4/A"), ("sc 13g", "SC 13G"), ("\t5 ", "5"), ("3/a", "3/A")])
    func formsAreTrimmedAndUppercased(raw: String, canonical: String) {
        #expect(FormFilter.canonical(raw) == canonical)
    }

    @Test func aFilterAcceptsItsFormsInAnySpellingAndEveryOtherFormType() {
        let filter = FormFilter(accepted: ["4", " 4/a"])
        #expect(filter.accepts("4") && filter.accepts("4/A") && filter.accepts("4/a "))
        #expect(!filter.accepts("3") && !filter.accepts("5/A"))
        // Forms outside the six are not filtered here: the row encoder rejects them with a reason.
        #expect(filter.accepts("8-K"))
        #expect(FormFilter.all.accepts("3/A") && FormFilter.all.accepts(" 5 "))
    }
}
