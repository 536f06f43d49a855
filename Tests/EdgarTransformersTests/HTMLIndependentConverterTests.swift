import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// The text layout made from HTML pages by a converter the project does not own: Python's standard-library
/// `html.parser` taking each row of a top-level table as a line and its cells joined by TAB (what a person turning
/// saved SEC pages into text with a script gets). Its text must read as the XML does, on the real pages and on
/// generated ones. Skipped, saying so, when `python3` cannot be started.
@Suite(.enabled(if: SchemaPython.run("import html.parser")?.status == 0, "python3 with html.parser is not available"))
struct HTMLIndependentConverterTests {
    /// Converts every `*.html` of argv[1] into `*.txt` beside it.
    static let converter = #"""
        import sys, os, re, html.parser
        class Cells(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.out, self.depth, self.skip = [], 0, 0
            def handle_starttag(self, tag, attrs):
                if tag in ("head", "style", "script", "title"): self.skip += 1
                elif tag == "table":
                    self.depth += 1
                    if self.depth == 1: self.out.append("\n")
                else: self.out.append(" ")
            def handle_endtag(self, tag):
                if tag in ("head", "style", "script", "title"): self.skip -= 1
                elif tag == "table":
                    if self.depth == 1: self.out.append("\n")
                    self.depth -= 1
                elif tag == "tr" and self.depth == 1: self.out.append("\n")
                elif tag in ("td", "th") and self.depth == 1: self.out.append("\t")
                else: self.out.append(" ")
            def handle_data(self, data):
                # Line breaks in the markup are spaces; rows and cells come only from the tags.
                if self.skip == 0: self.out.append(re.sub(r"\s+", " ", data))
        for name in sorted(os.listdir(sys.argv[1])):
            if not name.endswith(".html"): continue
            p = Cells()
            p.feed(open(os.path.join(sys.argv[1], name), encoding="utf-8").read())
            text = "".join(p.out).replace("\u00a0", " ")
            lines = []
            for line in text.split("\n"):
                cells = [" ".join(c.split()) for c in line.split("\t")]
                lines.append("\t".join(cells))
            open(os.path.join(sys.argv[1], name[:-5] + ".txt"), "w", encoding="utf-8").write("\n".join(lines))
        """#

    /// The pages converted, by file name.
    static func convert(_ pages: [String: [UInt8]]) throws -> [String: [UInt8]] {
        let folder = try SchemaPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in pages { try Data(bytes).write(to: folder.appendingPathComponent(name + ".html")) }
        let run = try #require(SchemaPython.run(converter, [folder.path]))
        #expect(run.status == 0, "\(run.stderr)")
        var texts: [String: [UInt8]] = [:]
        for name in pages.keys {
            texts[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name + ".txt")))
        }
        return texts
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func realPagesConvertedByPythonReadAsTheirXML() throws {
        let pairs = [
            ("form4_374water_rendered", "form4_374water_X0508_aff10b5One_false.xml"),
            ("form3_snow_rendered", "form3_snow_X0206_deriv_holdings.xml"),
            ("form5_snow_rendered", "form5_snow_X0306_gift.xml"),
        ]
        var pages: [String: [UInt8]] = [:]
        for (html, _) in pairs { pages[html] = try Corpus.bytes(Corpus.root!.appendingPathComponent("real/html/\(html).html")) }
        let texts = try Self.convert(pages)
        for (html, xml) in pairs {
            let xmlBytes = try Corpus.bytes(Corpus.root!.appendingPathComponent("real/xml/" + xml))
            let text = try #require(texts[html])
            let encoder = RowEncoder()
            let rowsXML = try LayoutAgreement.rows(
                encoder.encode(try XMLOwnershipParser().parse(xmlBytes), from: LayoutAgreementTests.extracted(xmlBytes, layout: .xml, envelope: nil)))
            let rowsText = try LayoutAgreement.rows(
                encoder.encode(try TextLayoutParser.parse(text), from: LayoutAgreementTests.extracted(text, layout: .text, envelope: nil)))
            let d = LayoutAgreement.differences(
                xml: TextLayoutRealRenderingRowTests.asTheSECShowsIt(rowsXML), text: TextLayoutRealRenderingRowTests.asTheSECShowsIt(rowsText))
            #expect(d == [], "\(html): \(d.joined(separator: "\n"))")
        }
    }

    @Test func generatedPagesConvertedByPythonReadAsTheirXML() throws {
        var pages: [String: [UInt8]] = [:]
        var xmls: [String: [UInt8]] = [:]
        let parser = XMLOwnershipParser()
        for (k, kind) in FormKind.allCases.enumerated() {
            var generator = FilingGenerator(seed: 0x5059_0000 + UInt64(k))
            for i in 0..<90 {
                let document = generator.nextDocument(form: kind)
                let xml = Array(XMLRenderer.render(document).utf8)
                let name = "\(kind)-\(i)"
                xmls[name] = xml
                pages[name] = Array(HTMLViewRenderer.render(try parser.parse(xml)).utf8)
            }
        }
        let texts = try Self.convert(pages)
        var failures = 0
        var shapes = (captionAfterEach: 0, statementUnderExplanation: 0, multipleSignatures: 0)
        for name in pages.keys.sorted() {
            let xml = xmls[name]!
            let text = try #require(texts[name])
            let string = String(decoding: text, as: UTF8.self)
            let signatures = string.components(separatedBy: "** Signature of Reporting Person").count - 1
            if signatures > 1 { shapes.multipleSignatures += 1 }
            if signatures >= 1 { shapes.captionAfterEach += 1 }
            if let explanation = string.range(of: "Explanation of Responses:"),
                let statement = string.range(of: "No securities are beneficially owned"), explanation.upperBound < statement.lowerBound
            {
                shapes.statementUnderExplanation += 1
            }
            let encoder = RowEncoder()
            let rowsXML = try LayoutAgreement.rows(
                encoder.encode(try parser.parse(xml), from: LayoutAgreementTests.extracted(xml, layout: .xml, envelope: nil)))
            let d: [String]
            do {
                let rowsText = try LayoutAgreement.rows(
                    encoder.encode(try TextLayoutParser.parse(text), from: LayoutAgreementTests.extracted(text, layout: .text, envelope: nil)))
                d = LayoutAgreement.differences(xml: rowsXML, text: rowsText, printedBoxes: true)
            } catch {
                d = ["rejected: \(error)"]
            }
            #expect(d.isEmpty, "\(name): \(d)")
            if !d.isEmpty { failures += 1 }
            if failures > 10 { break }
        }
        #expect(pages.count >= 540)
        // The shapes of the SEC page survive the conversion: a caption after every signature.
        #expect(shapes.captionAfterEach == pages.count)
        #expect(shapes.multipleSignatures > 0)
        #expect(shapes.statementUnderExplanation > 0)
    }
}
