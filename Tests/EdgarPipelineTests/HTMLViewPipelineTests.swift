import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// (1.1) The HTML view is recognised by its content in every container, and `--recover-xml` (pipeline key
/// `recover_xml`) through the whole pipeline.
@Suite struct HTMLViewPipelineTests {
    static func page(_ kind: FormKind, seed: UInt64) -> [UInt8] {
        var generator = FilingGenerator(seed: seed)
        return Array(HTMLViewRenderer.render(generator.nextDocument(form: kind)).utf8)
    }

    @Test func theHTMLViewIsReadInEveryContainer() throws {
        let inputs = OutputTree.temporaryFolder("html-inputs")
        let out = OutputTree.temporaryFolder("html-out")
        defer { for folder in [inputs, out] { try? FileManager.default.removeItem(atPath: folder) } }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: inputs + "/" + name))
        }
        // Loose files: .html, .htm and the .xml name of the SEC's xslF345X05/…xml page.
        try write("form4.html", Self.page(.form4, seed: 1))
        try write("form3.htm", Self.page(.form3, seed: 2))
        try write("wk-form4_0000000003-26-000003.xml", Self.page(.form5, seed: 3))
        var zip = ZipWriter()
        try zip.addFile(name: "0000000004-26-000004/xslF345X05/form4.xml", contents: Self.page(.form4A, seed: 4))
        try write("pages.zip", zip.finish())
        var tar = TarWriter()
        tar.addFile(name: "0000000005-26-000005.html", contents: Self.page(.form5A, seed: 5))
        tar.finish()
        try write("pages.tar", tar.takeBytes())
        let envelope = "<SUBMISSION>\n<ACCESSION-NUMBER>0000000006-26-000006\n<TYPE>3/A\n<FILING-DATE>20260105\n"
            + "<DOCUMENT>\n<TYPE>3/A\n<SEQUENCE>1\n<FILENAME>xslF345X02/primary_doc.xml\n<TEXT>\n"
            + String(decoding: Self.page(.form3A, seed: 6), as: UTF8.self) + "\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
        try write("0000000006-26-000006.nc", Array(envelope.utf8))

        var options = PipelineOptions(output: out, jobs: 2)
        options.compression = .none
        let report = try Pipeline(options: options).run(inputs: [inputs])
        #expect(report.rejects == 0)
        #expect(report.filings == 6)
        let filings = try OutputTree.files(out).filter { $0.key.hasPrefix("filings/") }.flatMap { try JSONValue.rows($0.value) }
        #expect(filings.count == 6)
        #expect(filings.allSatisfy { $0["layout"] == .string("html") })
        #expect(Set(filings.compactMap { $0["form_type"]?.stringValue }) == ["3", "3/A", "4", "4/A", "5", "5/A"])
        #expect(filings.contains { $0["filing_id"] == .string("0000000006-26-000006") && $0["filing_date"] == .string("2026-01-05") })
        #expect(filings.allSatisfy { $0["issuer_cik"] != .null })
    }

    @Test func recoverXMLThroughThePipelineAndItsFileKey() throws {
        let inputs = OutputTree.temporaryFolder("recover-inputs")
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        var generator = FilingGenerator(seed: 1750)
        let xml = XMLRenderer.render(generator.nextDocument(form: .form4))
            .replacingOccurrences(of: "<issuerName>", with: "<issuerName>AT&T ")
        let path = inputs + "/0000001750-04-000011.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))

        let strictOut = OutputTree.temporaryFolder("recover-strict")
        let strict = try Pipeline(options: PipelineOptions(output: strictOut, jobs: 1)).run(inputs: [path])
        #expect(strict.sources[0].rejects == [.malformedXML: 1])
        #expect(strict.filings == 0)

        let yaml = inputs + "/reprocess.yaml"
        try "version: 1\nrecover_xml: true\n".write(toFile: yaml, atomically: true, encoding: .utf8)
        let file = try PipelineFileLoader.load(path: yaml)
        #expect(file.recoverXML == true)
        let recoverOut = OutputTree.temporaryFolder("recover-on")
        var options = PipelineOptions(output: recoverOut, jobs: 1)
        options.compression = .none
        file.apply(to: &options)
        let recovered = try Pipeline(options: options).run(inputs: [path])
        #expect(recovered.rejects == 0)
        #expect(recovered.filings == 1)
        let filing = try #require(try OutputTree.files(recoverOut).filter { $0.key.hasPrefix("filings/") }.flatMap { try JSONValue.rows($0.value) }.first)
        #expect(filing["issuer_name"]?.stringValue?.hasPrefix("AT&T ") == true)
        guard case .array(let issues)? = filing["issues"], case .object(let issue)? = issues.first else {
            Issue.record("no issue on the filings row")
            return
        }
        #expect(issue["field"] == .string("document") && issue["code"] == .string("recovered_xml"))
        for folder in [strictOut, recoverOut] { try? FileManager.default.removeItem(atPath: folder) }
    }
}
