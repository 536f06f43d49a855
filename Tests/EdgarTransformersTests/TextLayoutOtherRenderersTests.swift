import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Testing

@testable import EdgarTransformers

/// (1.1) The text layout as other renderers write it (docs/TABLES.md, "Layouts"): the signature caption after
/// each signature or only after the last, and Form 3's "No securities are beneficially owned" anywhere between
/// Table II and the signatures, with or without a final period.
@Suite struct TextLayoutOtherRenderersTests {
    static let signatures = [
        Signature(name: "/s/ Ann Example, Attorney-in-Fact", date: "2023-10-10"),
        Signature(name: "/s/ Bob Example", date: "2023-10-11"),
        Signature(name: "/s/ Carol Example, Secretary", date: "2023-10-12"),
    ]
    static let shown = [
        Signature(name: "/s/ Ann Example, Attorney-in-Fact", date: "10/10/2023"),
        Signature(name: "/s/ Bob Example", date: "10/11/2023"),
        Signature(name: "/s/ Carol Example, Secretary", date: "10/12/2023"),
    ]

    static func document(_ form: FormKind, seed: UInt64 = 31) -> OwnershipDocument {
        var generator = FilingGenerator(seed: seed)
        var document = generator.nextDocument(form: form)
        document.signatures = signatures
        return document
    }

    static let caption = "** Signature of Reporting Person\tDate"

    /// Our renderer's text with a caption line after each signature line (the SEC's page shape).
    static func captionAfterEach(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("** Signature of Reporting Person") }
        for signature in shown.reversed() {
            let line = signature.name! + " " + signature.date!
            if let k = lines.firstIndex(of: line) { lines.insert(caption, at: k + 1) }
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [FormKind.form3, .form4, .form5])
    func threeSignaturesWithTheCaptionOnlyAfterTheLast(_ form: FormKind) throws {
        let text = TextLayoutRenderer.render(Self.document(form), options: .init(underline: false, escapeDollar: false))
        #expect(try TextLayoutParser.parse(Array(text.utf8)).signatures == Self.shown)
    }

    @Test(arguments: [FormKind.form3, .form4, .form5])
    func threeSignaturesWithACaptionAfterEach(_ form: FormKind) throws {
        let text = Self.captionAfterEach(
            TextLayoutRenderer.render(Self.document(form), options: .init(underline: false, escapeDollar: false)))
        #expect(text.components(separatedBy: "** Signature of Reporting Person").count == 4)
        #expect(try TextLayoutParser.parse(Array(text.utf8)).signatures == Self.shown)
    }

    /// The SEC page's own shape, made by a converter from the generated HTML view.
    @Test(arguments: [FormKind.form3, .form4A, .form5])
    func threeSignaturesConvertedFromTheHTMLView(_ form: FormKind) throws {
        let text = HTMLToTextLayout.convert(HTMLViewRenderer.render(Self.document(form)))
        #expect(text.components(separatedBy: "** Signature of Reporting Person").count == 4)
        let document = try TextLayoutParser.parse(Array(text.utf8))
        #expect(document.signatures == Self.shown)
        #expect(try HTMLViewParser.parse(Array(HTMLViewRenderer.render(Self.document(form)).utf8)).signatures == Self.shown)
    }

    // MARK: No securities

    static func form3WithNoSecurities() -> OwnershipDocument {
        var document = document(.form3, seed: 5)
        document.noSecuritiesOwned = "1"
        document.nonDerivativeHoldings = []
        document.derivativeHoldings = []
        document.footnotes = [Footnote(id: "F1", text: "A footnote about nothing.")]
        document.remarks = "Exhibit 24 - Power of Attorney"
        return document
    }

    enum Place: String, CaseIterable {
        case afterTableII, underExplanation, afterFootnotes, afterRemarks
    }

    /// Our renderer's text with the statement moved to `place`, spelt `statement`.
    static func moved(to place: Place, statement: String) -> String {
        let text = TextLayoutRenderer.render(form3WithNoSecurities(), options: .init(underline: false, escapeDollar: false))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0 == "No securities are beneficially owned." }
        let anchor: Int
        switch place {
        case .afterTableII: anchor = lines.firstIndex { $0.hasPrefix("Explanation of Responses") }!
        case .underExplanation: anchor = lines.firstIndex { $0.hasPrefix("Explanation of Responses") }! + 1
        case .afterFootnotes: anchor = lines.firstIndex { $0.hasPrefix("1. A footnote") }! + 1
        case .afterRemarks: anchor = lines.firstIndex { $0.hasPrefix("Remarks:") }! + 1
        }
        lines.insert(statement, at: anchor)
        return lines.joined(separator: "\n")
    }

    @Test(arguments: Place.allCases, ["No securities are beneficially owned.", "No securities are beneficially owned"])
    func theStatementAnywhereAfterTableII(_ place: Place, _ statement: String) throws {
        let document = try TextLayoutParser.parse(Array(Self.moved(to: place, statement: statement).utf8))
        #expect(document.noSecuritiesOwned == "true", "\(place)")
        // It is neither a footnote nor a remark nor a row.
        #expect(document.footnotes == [Footnote(id: "F1", text: "A footnote about nothing.")])
        #expect(document.remarks == "Exhibit 24 - Power of Attorney")
        #expect(document.nonDerivativeHoldings.isEmpty && document.derivativeHoldings.isEmpty)
        #expect(document.signatures == Self.shown)
    }

    @Test func withoutTheStatementItIsNull() throws {
        var document = Self.form3WithNoSecurities()
        document.noSecuritiesOwned = nil
        let text = TextLayoutRenderer.render(document, options: .init(underline: false, escapeDollar: false))
        #expect(try TextLayoutParser.parse(Array(text.utf8)).noSecuritiesOwned == nil)
    }

    /// The SEC page puts it under "Explanation of Responses:"; read from the page and from its text.
    @Test func theStatementOnTheHTMLView() throws {
        let html = HTMLViewRenderer.render(Self.form3WithNoSecurities())
        #expect(try HTMLViewParser.parse(Array(html.utf8)).noSecuritiesOwned == "true")
        let text = HTMLToTextLayout.convert(html)
        let document = try TextLayoutParser.parse(Array(text.utf8))
        #expect(document.noSecuritiesOwned == "true")
        #expect(document.footnotes == [Footnote(id: "F1", text: "A footnote about nothing.")])
    }
}
