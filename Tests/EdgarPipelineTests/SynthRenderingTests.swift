import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Synth XML and envelope rendering")
struct SynthRenderingTests {
    static func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    static func text(_ doc: XMLDocument, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    @Test func xmlEscapesMarkupCharactersAndRoundTrips() throws {
        var doc = OwnershipDocument(layout: .xml)
        doc.schemaVersion = "X0508"
        doc.documentType = "4"
        doc.periodOfReport = "2025-02-12"
        doc.issuer = Issuer(cik: "0000007536", name: "Procter & Gamble <PG>", tradingSymbol: "PG")
        var owner = ReportingOwner()
        owner.cik = "0001870985"
        owner.name = "O'Brien Patrick \"Pat\""
        owner.isOfficer = "1"
        owner.officerTitle = "SVP, CLO & Secretary"
        doc.reportingOwners = [owner]
        doc.footnotes = [Footnote(id: "F1", text: "Price < $1.00 & \"weighted\" average > 0.5")]
        var row = NonDerivativeTransaction()
        row.securityTitle = Field("Common Stock", footnoteIDs: ["F1"])
        row.transactionDate = Field("2025-02-12")
        row.timeliness = Field("")
        row.shares = Field("196.356")
        row.pricePerShare = Field(nil, footnoteIDs: ["F1"])
        row.acquiredDisposedCode = Field("A")
        row.sharesOwnedFollowing = Field("12629.042")
        row.directOrIndirect = Field("D")
        doc.nonDerivativeTransactions = [row]
        doc.remarks = "A & B <C> \"D\" 'E' >"
        doc.signatures = [Signature(name: "/s/ Nicholas De La Cruz, Attorney-in-Fact", date: "2025-02-13")]

        let xml = XMLRenderer.render(doc)
        #expect(xml.contains("<remarks>A &amp; B &lt;C&gt; &quot;D&quot; 'E' &gt;</remarks>"))
        #expect(!xml.contains("<C>"))
        let parsed = try Self.parse(xml)
        #expect(try Self.text(parsed, "/ownershipDocument/remarks") == [doc.remarks!])
        #expect(try Self.text(parsed, "//issuerName") == ["Procter & Gamble <PG>"])
        #expect(try Self.text(parsed, "//rptOwnerName") == [owner.name!])
        #expect(try Self.text(parsed, "//officerTitle") == ["SVP, CLO & Secretary"])
        #expect(try Self.text(parsed, "//footnote") == [doc.footnotes[0].text!])
        #expect(try Self.text(parsed, "//footnote/@id") == ["F1"])
        // A value given only as a footnote has no <value>; an empty value is an empty element.
        #expect(try parsed.nodes(forXPath: "//transactionPricePerShare/value").isEmpty)
        #expect(try Self.text(parsed, "//transactionPricePerShare/footnoteId/@id") == ["F1"])
        #expect(try Self.text(parsed, "//transactionTimeliness/value") == [""])
        #expect(try Self.text(parsed, "//transactionShares/value") == ["196.356"])
        #expect(try parsed.nodes(forXPath: "//deemedExecutionDate").isEmpty, "X0508 drops an empty deemedExecutionDate")
    }

    /// Schema order of the children the renderer writes (TS3 §3.5).
    static let topLevelOrder = ["schemaVersion", "documentType", "periodOfReport", "dateOfOriginalSubmission",
                                "noSecuritiesOwned", "notSubjectToSection16", "form3HoldingsReported",
                                "form4TransactionsReported", "issuer", "reportingOwner", "aff10b5One", "nonDerivativeTable",
                                "derivativeTable", "footnotes", "remarks", "ownerSignature"]

    @Test func generatedDocumentsParseInSchemaOrderAndMatchTheModel() throws {
        var generator = FilingGenerator(seed: 21, filingDate: CivilDate(year: 2022, month: 3, day: 15))
        for i in 0..<150 {
            let model = generator.nextDocument(form: FormKind.allCases[i % 6])
            let parsed = try Self.parse(XMLRenderer.render(model))
            let root = try #require(parsed.rootElement())
            let order = (root.children ?? []).compactMap(\.name).map { name in Self.topLevelOrder.firstIndex(of: name) ?? -1 }
            #expect(!order.contains(-1) && order == order.sorted(), "children out of schema order: \(order)")
            #expect(try Self.text(parsed, "/ownershipDocument/documentType") == [model.documentType!])
            #expect(try Self.text(parsed, "//rptOwnerCik") == model.reportingOwners.map { $0.cik! })
            #expect(try Self.text(parsed, "//footnote/@id") == model.footnotes.map(\.id))
            #expect(try Self.text(parsed, "//footnote") == model.footnotes.map { $0.text! })
            #expect(try Self.text(parsed, "//ownerSignature/signatureName") == model.signatures.map { $0.name! })
            let nd = try parsed.nodes(forXPath: "//nonDerivativeTransaction")
            #expect(nd.count == model.nonDerivativeTransactions.count)
            for (node, row) in zip(nd, model.nonDerivativeTransactions) {
                #expect(try node.nodes(forXPath: "transactionAmounts/transactionShares/value").map(\.stringValue) == [row.shares.value])
                #expect(try node.nodes(forXPath: "transactionAmounts/transactionPricePerShare/value").compactMap(\.stringValue)
                        == (row.pricePerShare.value.map { [$0] } ?? []))
                #expect(try node.nodes(forXPath: "transactionAmounts/transactionPricePerShare/footnoteId/@id").compactMap(\.stringValue)
                        == row.pricePerShare.footnoteIDs)
                #expect(try node.nodes(forXPath: "transactionCoding/transactionCode").map(\.stringValue) == [row.coding.code])
                #expect(try node.nodes(forXPath: "transactionCoding/footnoteId/@id").compactMap(\.stringValue) == row.coding.footnoteIDs)
            }
            let d = try parsed.nodes(forXPath: "//derivativeTransaction")
            #expect(d.count == model.derivativeTransactions.count)
            for (node, row) in zip(d, model.derivativeTransactions) {
                #expect(try node.nodes(forXPath: "conversionOrExercisePrice/value").compactMap(\.stringValue)
                        == (row.conversionOrExercisePrice.value.map { [$0] } ?? []))
                #expect(try node.nodes(forXPath: "exerciseDate/footnoteId/@id").compactMap(\.stringValue) == row.exerciseDate.footnoteIDs)
            }
            #expect(try parsed.nodes(forXPath: "//nonDerivativeHolding").count == model.nonDerivativeHoldings.count)
            #expect(try parsed.nodes(forXPath: "//derivativeHolding").count == model.derivativeHoldings.count)
        }
    }

    static func submission(seed: UInt64, kind: FeedKind = .form4) -> FeedBuilder.Submission {
        var builder = FeedBuilder(seed: seed, filingDate: "20250213")
        return builder.nextSubmission(kind: kind, mix: FeedMix(weights: [(kind, 1)], ex24Percent: 100, graphicPercent: 100))
    }

    static func tags(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("<"), let end = line.firstIndex(of: ">") else { return nil }
            return String(line[line.index(after: line.startIndex)..<end])
        }
    }

    @Test func ncMemberHasTheFeedStructure() throws {
        let s = Self.submission(seed: 8)
        let bytes = EnvelopeRenderer.nc(accession: s.accession, filingDate: "20250213", documents: s.documents, header: s.header)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(7)) == [
            "<SUBMISSION>", "<ACCESSION-NUMBER>\(s.accession)", "<TYPE>4", "<PUBLIC-DOCUMENT-COUNT>3",
            "<PERIOD>\(s.header.period!)", "<FILING-DATE>20250213", "<DATE-OF-FILING-DATE-CHANGE>20250213",
        ])
        #expect(s.accession.wholeMatch(of: /\d{10}-\d{2}-\d{6}/) != nil)
        #expect(text.hasSuffix("</DOCUMENT>\n</SUBMISSION>\n"))
        let tags = Self.tags(bytes)
        for section in ["REPORTING-OWNER", "OWNER-DATA", "FILING-VALUES", "ISSUER", "COMPANY-DATA", "BUSINESS-ADDRESS", "DOCUMENT", "TEXT", "XML"] {
            #expect(tags.filter { $0 == section }.count == tags.filter { $0 == "/" + section }.count, "\(section) balanced")
            #expect(tags.contains(section), "\(section) present")
        }
        #expect(tags.filter { $0 == "REPORTING-OWNER" }.count == s.document!.reportingOwners.count)
        #expect(tags.filter { $0 == "DOCUMENT" }.count == 3)
        #expect(text.contains("<TYPE>EX-24\n") && text.contains("<TYPE>GRAPHIC\n"))

        // The XML document sits strictly between <XML> and </XML> and is the renderer's output.
        let body = try #require(bytes.between("<XML>\n", "</XML>"))
        #expect(String(decoding: body, as: UTF8.self) == XMLRenderer.render(s.document!))
        _ = try Self.parse(String(decoding: body, as: UTF8.self))

        // The uuencoded GRAPHIC decodes back to a JPEG header.
        let graphic = try #require(text.split(separator: "<TYPE>GRAPHIC").last.flatMap { $0.split(separator: "<TEXT>\n").last })
        let uu = graphic.split(separator: "\n").map(String.init)
        #expect(uu.first?.hasPrefix("begin 644 ") == true)
        let decoded = Self.uudecode(uu.dropFirst().prefix { $0 != "end" })
        #expect(decoded.prefix(4) == [0xFF, 0xD8, 0xFF, 0xE0])
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func ncHeaderFollowsTheRealSampleTagOrder() throws {
        let real = try Corpus.bytes(Corpus.root!.appendingPathComponent("real/nc/0001127602-25-004598_form4_arrow.nc"))
            .map { $0 == 0x0D ? 0x0A : $0 }
        let realTags = Self.tags(real).prefix { $0 != "DOCUMENT" }
        for seed in UInt64(1)...20 {
            let s = Self.submission(seed: seed)
            guard s.header.entities.first?.role == .reportingOwner else { continue }  // 2007-style headers put the issuer first
            let ours = Self.tags(EnvelopeRenderer.nc(accession: s.accession, filingDate: "20250213", documents: s.documents, header: s.header))
                .prefix { $0 != "DOCUMENT" }
            // Every tag we write is one the real header has (STREET2 is in other real samples), in the same relative order.
            let known = Array(realTags) + ["STREET2", "/STREET2"]
            #expect(ours.allSatisfy(known.contains), "unknown tags: \(ours.filter { !known.contains($0) })")
            let firstSeen = ours.reduce(into: [String]()) { if !$1.hasPrefix("/") && !$0.contains($1) && $1 != "STREET2" { $0.append($1) } }
            let realOrder = realTags.reduce(into: [String]()) { if !$1.hasPrefix("/") && !$0.contains($1) { $0.append($1) } }
            #expect(firstSeen == realOrder.filter(firstSeen.contains), "order differs: \(firstSeen)")
        }
    }

    @Test func envelopeKeepsBareAmpersands() throws {
        for seed in UInt64(1)...40 {
            let s = Self.submission(seed: seed)
            let bytes = EnvelopeRenderer.nc(accession: s.accession, filingDate: "20250213", documents: s.documents, header: s.header)
            let header = String(decoding: try #require(bytes.between("<SUBMISSION>", "<DOCUMENT>")), as: UTF8.self)
            #expect(!header.contains("&amp;"))
            if s.document!.issuer.name!.contains("&") { #expect(header.contains("&")) }
        }
    }

    @Test func lineEndingVariantsOnlyChangeLineEnds() {
        let s = Self.submission(seed: 5)
        func nc(_ e: LineEnding) -> [UInt8] {
            EnvelopeRenderer.nc(accession: s.accession, filingDate: "20250213", documents: s.documents, header: s.header, lineEnding: e)
        }
        let lf = nc(.lf), crlf = nc(.crlf), cr = nc(.cr)
        #expect(crlf.count == lf.count + lf.filter { $0 == 0x0A }.count)
        #expect(String(decoding: crlf, as: UTF8.self).replacing("\r\n", with: "\n") == String(decoding: lf, as: UTF8.self))
        #expect(Array(cr.prefix(13)) == Array("<SUBMISSION>\n".utf8))
        #expect(cr.dropFirst(13).allSatisfy { $0 != 0x0A })
        #expect(cr.map { $0 == 0x0D ? 0x0A : $0 } == lf)
    }

    @Test func completeSubmissionHeaderAndPEMDashEscaping() throws {
        var escapedLines = 0
        for seed in UInt64(1)...12 {
            var builder = FeedBuilder(seed: seed, filingDate: "20070817")
            let plainFile = builder.completeSubmission(form: .form4, pem: false)
            var again = FeedBuilder(seed: seed, filingDate: "20070817")
            let pemFile = again.completeSubmission(form: .form4, pem: true)
            let plain = String(decoding: plainFile.bytes, as: UTF8.self)
            let pem = String(decoding: pemFile.bytes, as: UTF8.self)
            let acc = plainFile.truth.accession
            #expect(plain.hasPrefix("<SEC-DOCUMENT>\(acc).txt : 20070817\n<SEC-HEADER>\(acc).hdr.sgml : 20070817\n<ACCEPTANCE-DATETIME>20070817"))
            #expect(plain.contains("\nACCESSION NUMBER:\t\t\(acc)\nCONFORMED SUBMISSION TYPE:\t4\n"))
            #expect(plain.contains("\tSTANDARD INDUSTRIAL CLASSIFICATION:\t") && plain.contains("\t\tSEC ACT:\t\t1934 Act\n"))
            #expect(plain.hasSuffix("</DOCUMENT>\n</SEC-DOCUMENT>\n"))

            #expect(pem.hasPrefix("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n"))
            #expect(pem.hasSuffix("</SEC-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n"))
            let body = try #require(pem.split(separator: "\n\n<SEC-DOCUMENT>", maxSplits: 1).last)
            let lines = ("<SEC-DOCUMENT>" + body).split(separator: "\n", omittingEmptySubsequences: false).dropLast(2)
            #expect(!lines.contains { $0.hasPrefix("-") && !$0.hasPrefix("- ") }, "an unescaped dash line")
            escapedLines += lines.count { $0.hasPrefix("- -") }
            let undone = lines.map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n") + "\n"
            #expect(undone == plain)
        }
        #expect(escapedLines > 0, "no EX-24 dash rule was escaped in 12 submissions")
    }

    static func uudecode<S: Sequence>(_ lines: S) -> [UInt8] where S.Element == String {
        var out: [UInt8] = []
        for line in lines {
            let chars = Array(line.utf8).map { ($0 &- 0x20) & 63 }
            guard let n = chars.first, n > 0 else { continue }
            var decoded: [UInt8] = []
            var i = 1
            while i + 4 <= chars.count {
                let g = chars[i..<(i + 4)].map { $0 }
                decoded += [g[0] << 2 | g[1] >> 4, g[1] << 4 | g[2] >> 2, g[2] << 6 | g[3]]
                i += 4
            }
            out += decoded.prefix(Int(n))
        }
        return out
    }
}
