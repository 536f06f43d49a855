import EdgarCore
import EdgarPipeline
import EdgarTestSupport
import Foundation
import Testing

/// The whole pipeline over the real filings of ../shared/corpus.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct CorpusGoldenTests {
    static let tables = Table.allCases.map(\.rawValue)

    /// Runs one input and returns every table's rows as `table<TAB>json` lines, table by table, with the
    /// machine-specific corpus path replaced by `CORPUS`.
    static func rows(of relativePath: String) throws -> String {
        let root = Corpus.root!.path
        let out = OutputTree.temporaryFolder("golden")
        var options = PipelineOptions(output: out, jobs: 2)
        options.compression = .none
        _ = try Pipeline(options: options).run(inputs: [root + "/" + relativePath])
        var lines: [String] = []
        for (path, bytes) in OutputTree.files(out).sorted(by: { $0.key < $1.key }) {
            guard let table = tables.first(where: { path.hasPrefix($0 + "/") }) else { continue }
            for line in bytes.split(separator: 0x0a) {
                let text = String(decoding: line, as: UTF8.self).replacingOccurrences(of: root, with: "CORPUS")
                lines.append(table + "\t" + text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// These were checked field by field against their XML by hand when recorded (see Golden/README.md).
    @Test(arguments: [
        "real/xml/form4_vertex_X0306_derivative_only_values_as_footnotes.xml",
        "real/nc/0001127602-25-004598_form4_arrow.nc",
        "real/txt/0001240812-07-000005_form4_2007_pem_X0202_isOther.txt",
        "real/txt/0001493152-25-015819_form4_2025_X0508_deemed_exec_bad_price.txt",
        "real/xml/form3_snow_X0206_two_owners.xml",
        "real/xml/form4_msft_X0609_2026_nonus_flag.xml",
        // (1.1) The HTML view without its XML: checked by hand against the page itself (Golden/README.md).
        "real/html/form3_bampartners_rendered.html",
    ])
    func goldenRows(path: String) throws {
        let actual = try Self.rows(of: path)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".ndjson"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != nil {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.path); review it against the XML, then run again without RECORD_GOLDENS")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected)
    }

    /// Every Form 3/4/5 of the corpus: rows per table equal the element counts in its XML.
    @Test func rowCountsEqualElementCounts() throws {
        let files = Corpus.files(in: "real/xml", extensions: ["xml"]) + Corpus.files(in: "real/nc", extensions: ["nc"])
            + Corpus.files(in: "real/txt", extensions: ["txt"])
        var checked = 0
        for file in files {
            let text = String(decoding: try Corpus.bytes(file), as: UTF8.self)
            guard text.contains("<ownershipDocument>") else { continue }
            let out = OutputTree.temporaryFolder("counts")
            let report = try Pipeline(options: PipelineOptions(output: out, jobs: 1)).run(inputs: [file.path])
            func count(_ element: String) -> Int { text.components(separatedBy: "<\(element)>").count - 1 }
            let expected: [Table: Int] = [
                .filings: 1, .reportingOwners: count("reportingOwner"),
                .nonDerivativeTransactions: count("nonDerivativeTransaction"),
                .nonDerivativeHoldings: count("nonDerivativeHolding"),
                .derivativeTransactions: count("derivativeTransaction"),
                .derivativeHoldings: count("derivativeHolding"),
                .footnotes: text.components(separatedBy: "<footnote id=").count - 1,
                .signatures: count("ownerSignature"),
            ]
            for table in Table.dataTables {
                #expect(report.sources[0].rows[table, default: 0] == expected[table], "\(file.lastPathComponent): \(table)")
            }
            checked += 1
        }
        #expect(checked >= 13)
    }
}
