import EdgarCore
import EdgarExtractors
import EdgarSynth
import EdgarTestSupport
import Testing

@testable import EdgarTransformers

/// XML, the HTML view and two text renderings of the same generated filings give the same rows (docs/TABLES.md,
/// "Layouts"): the HTML comes from the generator (`HTMLViewRenderer`), the text from our
/// renderer and from the HTML by a converter that is not the reader's (`HTMLToTextLayout`, a scanner over the
/// markup, not libxml2).
@Suite struct HTMLViewAgreementTests {
    struct Outcome {
        var html: [String] = []
        var textOurs: [String] = []
        var textConverted: [String] = []
        var xmlRows: LayoutAgreement.Rows = [:]
    }

    static func encode(_ document: OwnershipDocument, _ body: [UInt8], _ layout: Layout) throws -> LayoutAgreement.Rows {
        try LayoutAgreement.rows(RowEncoder().encode(document, from: LayoutAgreementTests.extracted(body, layout: layout, envelope: nil)))
    }

    static func compare(xml: [UInt8]) throws -> Outcome {
        var outcome = Outcome()
        let model = try XMLOwnershipParser().parse(xml)
        outcome.xmlRows = try encode(model, xml, .xml)

        let html = HTMLViewRenderer.render(model)
        let htmlBytes = Array(html.utf8)
        do {
            let rows = try encode(try HTMLViewParser.parse(htmlBytes), htmlBytes, .html)
            outcome.html = LayoutAgreement.differences(xml: outcome.xmlRows, text: rows, layout: .html)
        } catch {
            outcome.html = ["HTML view rejected: \(error)"]
        }

        let ours = Array(TextLayoutRenderer.render(model).utf8)
        do {
            let rows = try encode(try TextLayoutParser.parse(ours), ours, .text)
            outcome.textOurs = LayoutAgreement.differences(xml: outcome.xmlRows, text: rows)
        } catch {
            outcome.textOurs = ["text rendering rejected: \(error)"]
        }

        let converted = Array(HTMLToTextLayout.convert(html).utf8)
        do {
            let rows = try encode(try TextLayoutParser.parse(converted), converted, .text)
            outcome.textConverted = LayoutAgreement.differences(xml: outcome.xmlRows, text: rows, printedBoxes: true)
        } catch {
            outcome.textConverted = ["converted text rejected: \(error)"]
        }
        return outcome
    }

    @Test func generatedFilingsOfEveryKindAgreeAcrossXMLTextAndHTML() throws {
        var covered = 0
        var failures = 0
        var rowsPerTable: [Table: Int] = [:]
        for (k, kind) in FormKind.allCases.enumerated() {
            var generator = FilingGenerator(seed: 0x4854_4D4C + UInt64(k))
            for i in 0..<90 {
                let document = generator.nextDocument(form: kind)
                let xml = Array(XMLRenderer.render(document).utf8)
                let outcome = try Self.compare(xml: xml)
                #expect(outcome.html.isEmpty, "HTML \(kind) #\(i): \(outcome.html)")
                #expect(outcome.textOurs.isEmpty, "text (ours) \(kind) #\(i): \(outcome.textOurs)")
                #expect(outcome.textConverted.isEmpty, "text (converted) \(kind) #\(i): \(outcome.textConverted)")
                for (table, tableRows) in outcome.xmlRows { rowsPerTable[table, default: 0] += tableRows.count }
                if !(outcome.html.isEmpty && outcome.textOurs.isEmpty && outcome.textConverted.isEmpty) { failures += 1 }
                if failures > 10 { return }
                covered += 1
            }
        }
        #expect(covered >= 540)
        for table in Table.dataTables { #expect(rowsPerTable[table, default: 0] >= 100, "\(table): \(rowsPerTable[table, default: 0])") }
    }
}
