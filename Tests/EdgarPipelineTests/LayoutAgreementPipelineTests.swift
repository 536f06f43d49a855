import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// The same daily feed twice, from the same seed: once with its text share rendered as the text layout, once as
/// XML. Through the whole pipeline, the rows of every text-layout filing equal those of its XML twin on every
/// column the text carries.
@Suite struct LayoutAgreementPipelineTests {
    /// The rows of every table, grouped by filing, read back from an output folder as NDJSON.
    static func rowsByFiling(_ out: String) throws -> [String: LayoutAgreement.Rows] {
        var byFiling: [String: LayoutAgreement.Rows] = [:]
        let files = OutputTree.files(out)
        for table in Table.dataTables {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix(table.folder + "/") {
                let plain = path.hasSuffix(".gz") ? try bytes.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip) } : bytes
                for row in try JSONValue.rows(plain) {
                    guard let id = row["filing_id"]?.stringValue else { continue }
                    byFiling[id, default: [:]][table, default: []].append(row)
                }
            }
        }
        return byFiling
    }

    static func run(feed: String, out: String) throws {
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [feed])
        #expect(report.allCommitted)
        #expect(report.rejects == 0)
    }

    @Test func textLayoutFilingsGiveTheRowsOfTheirXMLTwins() throws {
        let inputs = OutputTree.temporaryFolder("agreement-inputs")
        let textOut = OutputTree.temporaryFolder("agreement-text")
        let xmlOut = OutputTree.temporaryFolder("agreement-xml")
        defer { for folder in [inputs, textOut, xmlOut] { try? FileManager.default.removeItem(atPath: folder) } }
        let textFeed = inputs + "/text/20200102.nc.tar.gz"
        let xmlFeed = inputs + "/xml/20200102.nc.tar.gz"
        for folder in ["/text", "/xml"] {
            try FileManager.default.createDirectory(atPath: inputs + folder, withIntermediateDirectories: true)
        }
        // Mostly ownership forms, a large text share.
        let mix = FeedMix(weights: [(.textLayout, 6), (.form4, 2), (.form3, 1), (.form5, 1), (.other, 1)])
        var withText = FeedBuilder(seed: 2020, filingDate: "20200102", textRenderer: { TextLayoutRenderer.render($0) })
        var withoutText = FeedBuilder(seed: 2020, filingDate: "20200102")
        _ = try withText.writeTarGz(to: textFeed, count: 180, mix: mix)
        _ = try withoutText.writeTarGz(to: xmlFeed, count: 180, mix: mix)

        try Self.run(feed: textFeed, out: textOut)
        try Self.run(feed: xmlFeed, out: xmlOut)
        let textRows = try Self.rowsByFiling(textOut)
        let xmlRows = try Self.rowsByFiling(xmlOut)
        #expect(Set(textRows.keys) == Set(xmlRows.keys))

        var compared = 0
        for (id, rows) in textRows.sorted(by: { $0.key < $1.key })
        where rows[.filings]?.first?["layout"] == .string("text") {
            let twin = try #require(xmlRows[id])
            #expect(twin[.filings]?.first?["layout"] == .string("xml"))
            // The source member names differ by archive path only.
            let differences = LayoutAgreement.differences(xml: Self.withoutSource(twin), text: Self.withoutSource(rows))
            #expect(differences.isEmpty, "\(id): \(differences)")
            compared += 1
        }
        #expect(compared >= 90)
    }

    /// `source.archive` names the input, which differs between the two runs.
    static func withoutSource(_ rows: LayoutAgreement.Rows) -> LayoutAgreement.Rows {
        var out = rows
        out[.filings] = rows[.filings]?.map { row in
            var r = row
            if case .object(var source)? = r["source"] {
                source["archive"] = nil
                r["source"] = .object(source)
            }
            return r
        }
        return out
    }
}
