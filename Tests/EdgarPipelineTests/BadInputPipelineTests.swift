import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import Foundation
import Testing

/// Hostile and broken inputs through the whole pipeline: every good filing kept, every bad one explained.
@Suite struct BadInputPipelineTests {
    func run(_ path: String) throws -> (report: RunReport, out: String) {
        let out = OutputTree.temporaryFolder("bad-out")
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [path])
        return (report, out)
    }

    func document(seed: UInt64) -> OwnershipDocument {
        var generator = FilingGenerator(seed: seed)
        return generator.nextDocument(form: .form4)
    }

    // A submission whose first ownership document is malformed: the second is still turned into rows (the case
    // Tests/Cases/submission-rejects/malformed-document-beside-a-good-one).

    /// Member names are labels only: `../`, absolute and very long names never become paths to write to.
    @Test func memberNamesAreLabelsOnly() throws {
        var tar = TarWriter()
        let names = ["../../../../tmp/edgar-escape.xml", "/etc/edgar-absolute.xml", String(repeating: "deep/", count: 60) + "x.xml"]
        // Three different filings: one filing three times would be two `duplicate_filing` rejects.
        for (offset, name) in names.enumerated() {
            tar.addFile(name: name, contents: Array(XMLRenderer.render(document(seed: UInt64(2 + offset))).utf8))
        }
        tar.finish()
        let folder = OutputTree.temporaryFolder("names")
        let path = folder + "/names.tar.gz"
        try Data(try Deflater.gzip(tar.bytes)).write(to: URL(fileURLWithPath: path))
        let (report, out) = try run(path)
        #expect(report.sources[0].filings == 3)
        let members = try OutputTree.rows(out, table: "filings").compactMap { ($0["source"] as? [String: Any])?["member"] as? String }
        #expect(members.sorted() == names.sorted())  // three filings, possibly in three partitions
        #expect(!FileManager.default.fileExists(atPath: "/tmp/edgar-escape.xml"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/edgar-absolute.xml"))
        // Everything written is under OUT, in the contract's folders.
        let tops = Set(OutputTree.files(out).keys.map { String($0.split(separator: "/").first!) })
        #expect(tops.isSubset(of: Set(Table.allCases.map(\.folder) + ["_manifests", "_SUCCESS"])))
    }

    /// The largest filings the form allows: 30 rows per table and 99 footnotes, all of them referenced.
    @Test func aThirtyRowTableWithNinetyNineFootnotes() throws {
        var doc = document(seed: 3)
        let template = doc.nonDerivativeTransactions.first ?? NonDerivativeTransaction()
        doc.footnotes = (1...99).map { Footnote(id: "F\($0)", text: "Footnote \($0) & more") }
        doc.nonDerivativeTransactions = (0..<30).map { row in
            var t = template
            t.securityTitle = Field("Common Stock", footnoteIDs: (0..<3).map { "F\((row * 3 + $0) % 99 + 1)" })
            t.shares = Field("\(row + 1),000.5")
            return t
        }
        let folder = OutputTree.temporaryFolder("big")
        let path = folder + "/big.xml"
        try XMLRenderer.render(doc).write(toFile: path, atomically: true, encoding: .utf8)
        let (report, out) = try run(path)
        #expect(report.sources[0].rows[.nonDerivativeTransactions] == 30)
        #expect(report.sources[0].rows[.footnotes] == 99)
        let rows = try OutputTree.rows(out, table: "non_derivative_transactions")
        #expect((rows.last?["footnote_ids"] as? [String: [String]])?["security_title"] == ["F88", "F89", "F90"])
    }

    /// Latin-1 bytes in a filing: decoded as Windows-1252, flagged, never invalid UTF-8 in the output.
    @Test func latin1NamesAreTranscodedAndFlagged() throws {
        var doc = document(seed: 4)
        doc.reportingOwners[0].name = "MUELLER JOSE"
        var bytes = Array(XMLRenderer.render(doc).utf8)
        let needle = Array("MUELLER JOSE".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        bytes[at + 1] = 0xDC  // Ü in Latin-1 / Windows-1252
        bytes[at + 11] = 0xC9  // É
        let folder = OutputTree.temporaryFolder("latin1")
        let path = folder + "/latin1.xml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, out) = try run(path)
        let owner = try #require(try OutputTree.rows(out, table: "reporting_owners").first)
        #expect(owner["owner_name"] as? String == "MÜELLER JOSÉ")
        let issues = owner["issues"] as? [[String: Any]] ?? []
        #expect(issues.contains { $0["field"] as? String == "owner_name" && $0["code"] as? String == "invalid_encoding" })
        for (_, data) in OutputTree.files(out) where !data.isEmpty {
            let plain = (try? data.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip) }) ?? data
            #expect(String(validating: plain, as: UTF8.self) != nil)
        }
    }
}
