import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// The four SEC renderings in corpus/real/html, turned into the text layout by `HTMLToTextLayout`, read back and
/// checked against the paired XML in corpus/real/xml (values written out by hand from the XML; the HTML shows
/// numbers with separators and dates as MM/DD/YYYY, so numbers and dates compare after `TextLayoutCarried.normalize`).
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct TextLayoutRealRenderingTests {
    static func parse(_ name: String) throws -> OwnershipDocument {
        let html = String(decoding: try Corpus.bytes(Corpus.root!.appendingPathComponent("real/html/" + name)), as: UTF8.self)
        return try TextLayoutParser.parse(Array(HTMLToTextLayout.convert(html).utf8))
    }

    /// A field compared with the XML value: normalised value and footnote ids.
    static func check(
        _ field: Field, _ xmlValue: String?, _ ids: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(TextLayoutCarried.normalize(field.value) == TextLayoutCarried.normalize(xmlValue), sourceLocation: sourceLocation)
        #expect(field.footnoteIDs == ids, sourceLocation: sourceLocation)
    }

    @Test func form4_374Water() throws {
        // xml/form4_374water_X0508_aff10b5One_false.xml
        let doc = try Self.parse("form4_374water_rendered.html")
        #expect(doc.documentType == "4")
        #expect(TextLayoutCarried.normalize(doc.periodOfReport) == "2025-04-30")
        #expect(doc.aff10b5One == "false")
        #expect(doc.notSubjectToSection16 == "false")
        #expect(doc.issuer == Issuer(name: "374Water Inc.", tradingSymbol: "SCWO"))
        #expect(doc.reportingOwners.count == 1)
        let owner = try #require(doc.reportingOwners.first)
        #expect(owner.name == "Melkote Rajesh Ramaswamy")
        // street1 "C/O 374 WATER INC." and street2 "100 SOUTHCENTER COURT, SUITE 200" share one line in the text.
        #expect(owner.street1 == "C/O 374 WATER INC. 100 SOUTHCENTER COURT, SUITE 200")
        #expect([owner.city, owner.state, owner.zipCode] == ["MORRISVILLE", "NC", "27560"])
        #expect([owner.isDirector, owner.isOfficer, owner.isTenPercentOwner, owner.isOther] == ["false", "true", "false", "false"])
        #expect(owner.officerTitle == "Chief Technology Officer")
        #expect(owner.otherText == nil)

        #expect(doc.nonDerivativeTransactions.count == 1)
        #expect(doc.nonDerivativeHoldings.isEmpty)
        let t = try #require(doc.nonDerivativeTransactions.first)
        Self.check(t.securityTitle, "Common Stock (restricted stock units)")
        Self.check(t.transactionDate, "2025-04-30")
        #expect(t.coding.code == "A")
        Self.check(t.shares, "757756", ["F1"])
        Self.check(t.pricePerShare, "0")
        Self.check(t.acquiredDisposedCode, "A")
        Self.check(t.sharesOwnedFollowing, "757756")
        Self.check(t.directOrIndirect, "D")
        Self.check(t.natureOfOwnership, nil)

        #expect(doc.derivativeTransactions.count == 1)
        #expect(doc.derivativeHoldings.isEmpty)
        let d = try #require(doc.derivativeTransactions.first)
        Self.check(d.securityTitle, "Stock options (right to buy)")
        Self.check(d.conversionOrExercisePrice, "0.33")
        Self.check(d.transactionDate, "2025-04-30")
        #expect(d.coding.code == "A")
        Self.check(d.shares, "757576", ["F1"])
        Self.check(d.acquiredDisposedCode, "A")
        Self.check(d.exerciseDate, nil, ["F1"])
        Self.check(d.expirationDate, "2035-04-29")
        Self.check(d.underlyingSecurityTitle, "Common Stock")
        Self.check(d.underlyingSecurityShares, "757576")
        Self.check(d.pricePerShare, "0")
        Self.check(d.sharesOwnedFollowing, "757756")
        Self.check(d.directOrIndirect, "D")

        #expect(doc.footnotes.map(\.id) == ["F1"])
        #expect(doc.footnotes.first?.text?.hasPrefix("Vesting commencement date is March 31, 2025. 25% of the shares") == true)
        #expect(doc.footnotes.first?.text?.hasSuffix("through each vesting date.") == true)
        #expect(doc.remarks == nil)
        #expect(doc.signatures == [Signature(name: "/s/ Rajesh Melkote", date: "05/02/2025")])
    }

    @Test func form3_snowflake() throws {
        // xml/form3_snow_X0206_deriv_holdings.xml
        let doc = try Self.parse("form3_snow_rendered.html")
        #expect(doc.documentType == "3")
        #expect(TextLayoutCarried.normalize(doc.periodOfReport) == "2020-09-15")
        #expect(doc.noSecuritiesOwned == nil)  // XML 0; the text only ever says "true"
        #expect(doc.notSubjectToSection16 == nil)
        #expect(doc.issuer == Issuer(name: "Snowflake Inc.", tradingSymbol: "SNOW"))
        let owner = try #require(doc.reportingOwners.first)
        #expect(doc.reportingOwners.count == 1)
        #expect(owner.name == "GARRETT MARK")
        #expect(owner.street1 == "C/O SNOWFLAKE INC. 450 CONCAR DRIVE")
        #expect([owner.city, owner.state, owner.zipCode] == ["SAN MATEO", "CA", "94402"])
        #expect([owner.isDirector, owner.isOfficer, owner.isTenPercentOwner, owner.isOther] == ["true", "false", "false", "false"])
        #expect(owner.officerTitle == nil)

        #expect(doc.nonDerivativeHoldings.isEmpty)
        #expect(doc.nonDerivativeTransactions.isEmpty)
        #expect(doc.derivativeHoldings.count == 6)
        let first = doc.derivativeHoldings[0]
        Self.check(first.securityTitle, "Series E Preferred Stock")
        Self.check(first.conversionOrExercisePrice, nil, ["F1"])
        Self.check(first.exerciseDate, nil, ["F1"])
        Self.check(first.expirationDate, nil, ["F1"])
        Self.check(first.underlyingSecurityTitle, "Class B Common Stock", ["F2", "F3"])
        Self.check(first.underlyingSecurityShares, "134018")  // XML 134018.0
        Self.check(first.directOrIndirect, "I")
        Self.check(first.natureOfOwnership, "Limited Partnership", ["F4"])
        let expected: [(String, String, String?, [String])] = [
            ("383594", "D", nil, []), ("95898", "I", "Trust", ["F6"]), ("95898", "I", "Trust", ["F7"]),
            ("95898", "I", "Trust", ["F8"]), ("95898", "I", "Trust", ["F9"]),
        ]
        for (holding, (shares, form, nature, natureIDs)) in zip(doc.derivativeHoldings.dropFirst(), expected) {
            Self.check(holding.securityTitle, "Stock Option (Right to Buy)")
            Self.check(holding.conversionOrExercisePrice, "3.74")
            Self.check(holding.exerciseDate, nil, ["F5"])
            Self.check(holding.expirationDate, "2028-04-14")
            Self.check(holding.underlyingSecurityTitle, "Class B Common Stock", ["F2", "F3"])
            Self.check(holding.underlyingSecurityShares, shares)
            Self.check(holding.sharesOwnedFollowing, nil)
            Self.check(holding.directOrIndirect, form)
            Self.check(holding.natureOfOwnership, nature, natureIDs)
        }
        #expect(doc.footnotes.map(\.id) == (1...9).map { "F\($0)" })
        #expect(doc.footnotes[1].text?.contains("except for certain \"Permitted Transfers\" described") == true)
        #expect(doc.remarks == "Exhibit 24 - Power of Attorney")
        #expect(doc.signatures == [Signature(name: "/s/ Travis Shrout, Attorney-in-Fact", date: "09/15/2020")])
    }

    @Test func form5_snowflake() throws {
        // xml/form5_snow_X0306_gift.xml
        let doc = try Self.parse("form5_snow_rendered.html")
        #expect(doc.documentType == "5")
        #expect(TextLayoutCarried.normalize(doc.periodOfReport) == "2022-01-31")
        #expect(doc.notSubjectToSection16 == "false")
        #expect(doc.form3HoldingsReported == "false")
        #expect(doc.form4TransactionsReported == "false")
        #expect(doc.issuer == Issuer(name: "Snowflake Inc.", tradingSymbol: "SNOW"))
        let owner = try #require(doc.reportingOwners.first)
        #expect(owner.name == "McMahon John Dennis")
        #expect(owner.street1 == "C/O SNOWFLAKE INC. 106 EAST BABCOCK STREET, SUITE 3A")
        #expect([owner.city, owner.state, owner.zipCode] == ["BOZEMAN", "MT", "59715"])
        #expect([owner.isDirector, owner.isOfficer, owner.isTenPercentOwner, owner.isOther] == ["true", "false", "false", "false"])

        #expect(doc.nonDerivativeTransactions.count == 1)
        let gift = try #require(doc.nonDerivativeTransactions.first)
        Self.check(gift.securityTitle, "Class A Common Stock")
        Self.check(gift.transactionDate, "2021-12-23")
        #expect(gift.coding == TransactionCoding(code: "G", footnoteIDs: ["F1"]))
        Self.check(gift.shares, "61386")
        Self.check(gift.acquiredDisposedCode, "D")
        Self.check(gift.pricePerShare, "0")
        Self.check(gift.sharesOwnedFollowing, "54666", ["F2"])
        Self.check(gift.directOrIndirect, "D")
        #expect(doc.nonDerivativeHoldings.count == 2)
        for (holding, (shares, id)) in zip(doc.nonDerivativeHoldings, [("151188", "F3"), ("125737", "F4")]) {
            Self.check(holding.securityTitle, "Class A Common Stock")
            Self.check(holding.sharesOwnedFollowing, shares)
            Self.check(holding.directOrIndirect, "I")
            Self.check(holding.natureOfOwnership, "Trust", [id])
        }
        #expect(doc.derivativeTransactions.isEmpty && doc.derivativeHoldings.isEmpty)
        #expect(doc.footnotes.map(\.id) == ["F1", "F2", "F3", "F4"])
        #expect(doc.remarks == nil)
        #expect(doc.signatures == [Signature(name: "/s/ Travis Shrout, Attorney-in-Fact", date: "03/11/2022")])
    }

    @Test func form3_bamPartners() throws {
        // No paired XML in the corpus: expectations read from the rendering itself. This older stylesheet lists every
        // owner again after Table II (the first one too) and shows no relationship box for them.
        let doc = try Self.parse("form3_bampartners_rendered.html")
        #expect(doc.documentType == "3")
        #expect(TextLayoutCarried.normalize(doc.periodOfReport) == "2023-09-28")
        #expect(doc.issuer == Issuer(name: "Triton International Ltd", tradingSymbol: "TRTN"))
        let names = [
            "BROOKFIELD Corp /ON/", "BAM Partners Trust", "BIPC Holding LP", "BIPC GP Holdings Inc.",
            "Brookfield Infrastructure Partners L.P.", "Brookfield Infrastructure Partners Ltd",
            "Brookfield Infrastructure Corp", "BIF V Bermuda GP Ltd", "BIF V Carry Splitter L.P.", "BIF V Thanos Carry L.P.",
        ]
        #expect(doc.reportingOwners.map(\.name) == names)
        let first = try #require(doc.reportingOwners.first)
        #expect(first.street1 == "BROOKFIELD PLACE 181 BAY ST SUITE 100")
        #expect([first.isDirector, first.isOfficer, first.isTenPercentOwner, first.isOther] == ["false", "false", "true", "false"])
        for owner in doc.reportingOwners {
            #expect([owner.city, owner.state, owner.zipCode] == ["TORONTO ONTARIO", "A6", "M5J2T3"])
        }
        for owner in doc.reportingOwners.dropFirst() {
            #expect(owner.street1 == "C/O BROOKFIELD CORPORATION BROOKFIELD PLACE 181 BAY ST SUITE 100")
            #expect(owner.isDirector == nil && owner.isTenPercentOwner == nil)
        }
        #expect(doc.nonDerivativeHoldings.count == 1)
        let holding = try #require(doc.nonDerivativeHoldings.first)
        Self.check(holding.securityTitle, "Common Shares, par value $0.01 per share")
        Self.check(holding.sharesOwnedFollowing, "101158891", ["F1"])
        Self.check(holding.directOrIndirect, "I")
        Self.check(holding.natureOfOwnership, "See Footnotes", ["F2", "F3"])
        #expect(doc.derivativeHoldings.isEmpty)
        #expect(doc.footnotes.map(\.id) == ["F1", "F2", "F3"])
        #expect(doc.footnotes.first?.text == "See Exhibit 99.1 for text of footnote (1).")
        #expect(doc.remarks?.hasPrefix("On September 28, 2023, Brookfield Infrastructure Corporation") == true)
        #expect(doc.remarks?.hasSuffix("// Form 1 of 2") == true)
        #expect(doc.signatures == [Signature(name: "/s/ See Signatures Included in Exhibit 99.2", date: "10/10/2023")])
    }
}

/// The SEC's own renderings with paired XML, compared at the row level: HTML -> text layout -> rows against
/// XML -> rows, on the columns the text carries.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct TextLayoutRealRenderingRowTests {
    static func differences(html: String, xml: String) throws -> [String] {
        let root = Corpus.root!
        let htmlText = String(decoding: try Corpus.bytes(root.appendingPathComponent("real/html/" + html)), as: UTF8.self)
        let text = Array(HTMLToTextLayout.convert(htmlText).utf8)
        let xmlBytes = try Corpus.bytes(root.appendingPathComponent("real/xml/" + xml))
        let encoder = RowEncoder()
        let rowsXML = try LayoutAgreement.rows(
            encoder.encode(try XMLOwnershipParser().parse(xmlBytes), from: LayoutAgreementTests.extracted(xmlBytes, layout: .xml, envelope: nil)))
        let rowsText = try LayoutAgreement.rows(
            encoder.encode(try TextLayoutParser.parse(text), from: LayoutAgreementTests.extracted(text, layout: .text, envelope: nil)))
        return LayoutAgreement.differences(xml: Self.asTheSECShowsIt(rowsXML), text: Self.asTheSECShowsIt(rowsText))
    }

    /// Two display conventions of the SEC's renderer that no text reader can undo: every checkbox is printed (a
    /// boolean the XML leaves out shows as an empty box, read as false), and numbers lose trailing fraction zeros
    /// (`134018.0` shows as `134,018`).
    static func asTheSECShowsIt(_ rows: LayoutAgreement.Rows) -> LayoutAgreement.Rows {
        let boxes: Set<String> = ["not_subject_to_section16", "is_director", "is_officer", "is_ten_percent_owner", "is_other"]
        return rows.mapValues { tableRows in
            tableRows.map { row in
                var r = row
                for (key, value) in row {
                    if boxes.contains(key), value == .null { r[key] = .bool(false) }
                    if case .number(let digits) = value, digits.contains(".") {
                        var trimmed = Substring(digits)
                        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
                        if trimmed.last == "." { trimmed = trimmed.dropLast() }
                        r[key] = .number(String(trimmed))
                    }
                }
                return r
            }
        }
    }

    @Test(arguments: [
        ("form4_374water_rendered.html", "form4_374water_X0508_aff10b5One_false.xml"),
        ("form3_snow_rendered.html", "form3_snow_X0206_deriv_holdings.xml"),
        ("form5_snow_rendered.html", "form5_snow_X0306_gift.xml"),
    ])
    func renderingRowsEqualXMLRows(html: String, xml: String) throws {
        let d = try Self.differences(html: html, xml: xml)
        #expect(d == [], "\(d.joined(separator: "\n"))")
    }
}

/// (1.1) The same three pages read as the HTML view (`HTMLViewParser`, libxml2's HTML parser): every column the
/// page shows equals the XML's, CIKs and `street2` included.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct HTMLViewRealPageTests {
    static func rows(html: String, xml: String) throws -> (html: LayoutAgreement.Rows, xml: LayoutAgreement.Rows) {
        let root = Corpus.root!
        let page = try Corpus.bytes(root.appendingPathComponent("real/html/" + html))
        let xmlBytes = try Corpus.bytes(root.appendingPathComponent("real/xml/" + xml))
        let encoder = RowEncoder()
        let rowsXML = try LayoutAgreement.rows(
            encoder.encode(try XMLOwnershipParser().parse(xmlBytes), from: LayoutAgreementTests.extracted(xmlBytes, layout: .xml, envelope: nil)))
        let rowsHTML = try LayoutAgreement.rows(
            encoder.encode(try HTMLViewParser.parse(page), from: LayoutAgreementTests.extracted(page, layout: .html, envelope: nil)))
        return (rowsHTML, rowsXML)
    }

    @Test(arguments: [
        ("form4_374water_rendered.html", "form4_374water_X0508_aff10b5One_false.xml"),
        ("form3_snow_rendered.html", "form3_snow_X0206_deriv_holdings.xml"),
        ("form5_snow_rendered.html", "form5_snow_X0306_gift.xml"),
    ])
    func pageRowsEqualXMLRows(html: String, xml: String) throws {
        let (rowsHTML, rowsXML) = try Self.rows(html: html, xml: xml)
        // Numbers lose trailing fraction zeros on the page; its printed boxes are the `.html` carrying rule (a Form 3
        // page has no Section 16 box, so that one stays as filed).
        var shown = TextLayoutRealRenderingRowTests.asTheSECShowsIt(rowsXML)
        shown[.filings] = zip(shown[.filings] ?? [], rowsXML[.filings] ?? []).map { page, filed in
            var row = page
            row["not_subject_to_section16"] = filed["not_subject_to_section16"]
            return row
        }
        let d = LayoutAgreement.differences(xml: shown, text: rowsHTML, layout: .html)
        #expect(d == [], "\(d.joined(separator: "\n"))")
        // The values the text layout cannot carry are really compared: CIKs and the second street line.
        #expect(rowsHTML[.filings]?.first?["issuer_cik"] == rowsXML[.filings]?.first?["issuer_cik"])
        #expect(rowsHTML[.filings]?.first?["issuer_cik"] != .null)
        #expect(rowsHTML[.filings]?.first?["layout"] == .string("html"))
        for (a, b) in zip(rowsHTML[.reportingOwners] ?? [], rowsXML[.reportingOwners] ?? []) {
            #expect(a["owner_cik"] == b["owner_cik"] && a["owner_cik"] != .null)
            #expect(a["street1"] == b["street1"] && a["street2"] == b["street2"])
        }
    }

    @Test func form4_374WaterStreetRowsAndLinks() throws {
        let (rowsHTML, _) = try Self.rows(html: "form4_374water_rendered.html", xml: "form4_374water_X0508_aff10b5One_false.xml")
        let owner = try #require(rowsHTML[.reportingOwners]?.first)
        #expect(owner["owner_cik"] == .string("0002064133"))
        #expect(owner["street1"] == .string("C/O 374 WATER INC."))
        #expect(owner["street2"] == .string("100 SOUTHCENTER COURT, SUITE 200"))
        #expect(rowsHTML[.filings]?.first?["issuer_cik"] == .string("0000933972"))
    }
}
