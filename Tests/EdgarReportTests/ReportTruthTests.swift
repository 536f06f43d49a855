import EdgarCore
import EdgarPipeline
import EdgarReport
import EdgarSynth
import EdgarTransformers
import Foundation
import Testing

/// The report of an OUT built from generated feeds with known rejects and issues: every number in the JSON and
/// in the HTML page's tables is checked against the generator's truth and what the test injected.
@Suite struct ReportTruthTests {
    /// What the test put into OUT, independently of the pipeline.
    struct Truth {
        var filingsByDay: [String: Int] = [:]
        var forms: [String: Int] = [:]
        var layouts: [String: Int] = [:]
        var skippedByInput: [String: [String: Int]] = [:]
        var committedRejects: [String: Int] = [:]
        var uncommittedRejects: [String: Int] = [:]
        var issues: [String: Int] = [:]  // "table/column/code"
        var inputs: [String] = []
        var committedInputs: [String] = []
    }

    static let days = ["20031103", "20031104", "20031105", "20031106", "20031107", "20031110", "20031111", "20031112"]
    /// The last day is a partial download: a tenth of the others.
    static let counts = [40, 44, 38, 42, 41, 39, 43, 4]

    static func build() throws -> (out: String, truth: Truth) {
        let inputs = ReportScratch.folder("inputs")
        var truth = Truth()
        for (i, day) in days.enumerated() {
            let path = inputs + "/\(day).nc.tar.gz"
            var builder = FeedBuilder(seed: UInt64(100 + i), filingDate: day, textRenderer: { TextLayoutRenderer.render($0) })
            let feed = try builder.writeTarGz(to: path, count: counts[i])
            let iso = String(day.prefix(4)) + "-" + String(day.dropFirst(4).prefix(2)) + "-" + String(day.suffix(2))
            for m in feed.members {
                if m.isOwnership {
                    truth.filingsByDay[iso, default: 0] += 1
                    truth.forms[m.formType, default: 0] += 1
                    truth.layouts[m.layout?.rawValue ?? "xml", default: 0] += 1
                } else {
                    truth.skippedByInput[path, default: [:]][m.formType, default: 0] += 1
                }
            }
            truth.inputs.append(path)
            truth.committedInputs.append(path)
        }

        // Loose documents: two invalid dates and an invalid decimal (issues), two malformed and one empty (rejects).
        let loose = inputs + "/loose"
        try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: true)
        var builder = FeedBuilder(seed: 900, filingDate: "20031112")
        var xmlDocs: [String] = []
        // The third must have a non-derivative transaction: its first <transactionShares> is then in that table.
        while xmlDocs.count < 3 {
            let s = builder.nextSubmission(kind: .form4)
            if let doc = s.document, xmlDocs.count < 2 || !doc.nonDerivativeTransactions.isEmpty { xmlDocs.append(XMLRenderer.render(doc)) }
        }
        for (i, xml) in xmlDocs.enumerated() {
            let broken = i < 2
                ? xml.replacingOccurrences(of: #"<periodOfReport>[^<]*</periodOfReport>"#, with: "<periodOfReport>2003-02-3\(i)</periodOfReport>", options: .regularExpression)
                : xml.replacingOccurrences(of: #"<transactionShares>\s*<value>[^<]*</value>"#, with: "<transactionShares><value>12 shares</value>",
                                           options: .regularExpression, range: xml.range(of: #"<transactionShares>\s*<value>[^<]*</value>"#, options: .regularExpression))
            #expect(broken != xml, "the test could not inject its issue")
            try broken.write(toFile: loose + "/000000000\(i)-03-00000\(i).xml", atomically: true, encoding: .utf8)
            truth.committedInputs.append(loose + "/000000000\(i)-03-00000\(i).xml")
            truth.forms[try #require(xml.firstMatch(of: /<documentType>([^<]*)</)?.1).description, default: 0] += 1
            truth.layouts["xml", default: 0] += 1
            truth.filingsByDay["unknown", default: 0] += 1
        }
        truth.issues["filings/period_of_report/invalid_date"] = 2
        truth.issues["non_derivative_transactions/shares/invalid_decimal"] = 1
        try "<ownershipDocument><issuer>".write(toFile: loose + "/bad-1.xml", atomically: true, encoding: .utf8)
        try "<ownershipDocument><issuer><issuerCik>1</issuerCik".write(toFile: loose + "/bad-2.xml", atomically: true, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: loose + "/empty.xml", contents: Data()))
        truth.committedRejects = ["malformed_xml": 2, "empty_input": 1]
        // A folder is one source per file; an input whose only output is a reject is still committed.
        truth.committedInputs += ["bad-1.xml", "bad-2.xml", "empty.xml"].map { loose + "/" + $0 }
        truth.inputs.append(loose)

        // A truncated feed: never committed, one read reject under _rejects with no manifest.
        let whole = try Data(contentsOf: URL(fileURLWithPath: inputs + "/20031103.nc.tar.gz"))
        let cut = inputs + "/20031113.nc.tar.gz"
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
        truth.uncommittedRejects = ["truncated_archive": 1]

        let out = ReportScratch.folder("out")
        let options = PipelineOptions(output: out, jobs: 2)
        let report = try Pipeline(options: options).run(inputs: truth.inputs + [cut])
        #expect(report.sources.filter { $0.status == .committed }.count == report.sources.count - 1)
        return (out, truth)
    }

    @Test func theJSONNumbersMatchTheTruth() throws {
        let (out, truth) = try Self.build()
        let report = try OutputScanner(output: out).scan()
        let json = try #require(JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report))) as? [String: Any])

        let days = try #require(json["days"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: days.map { ($0["filing_date"] as! String, $0["filings"] as! Int) }) == truth.filingsByDay)
        var forms: [String: Int] = [:], layouts: [String: Int] = [:]
        for d in days {
            for (k, v) in d["forms"] as! [String: Int] { forms[k, default: 0] += v }
            for (k, v) in d["layouts"] as! [String: Int] { layouts[k, default: 0] += v }
        }
        #expect(forms == truth.forms)
        #expect(layouts == truth.layouts)
        #expect(days.filter { $0["short_day"] as? Bool == true }.map { $0["filing_date"] as! String } == ["2003-11-12"])

        let rejects = try #require(json["rejects"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0["error_code"] as! String, $0["committed"] as! Int) }).filter { $0.value > 0 } == truth.committedRejects)
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0["error_code"] as! String, $0["uncommitted"] as! Int) }).filter { $0.value > 0 } == truth.uncommittedRejects)
        for r in rejects {
            let samples = r["samples"] as! [[String: Any]]
            #expect(samples.count == min(3, r["count"] as! Int))
            #expect(samples.allSatisfy { ($0["input"] as! String).hasPrefix("/") })
        }

        let issues = try #require(json["issues"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: issues.map { ("\($0["table"]!)/\($0["column"]!)/\($0["code"]!)", $0["count"] as! Int) }) == truth.issues)
        #expect(issues.first { $0["column"] as? String == "period_of_report" }?["sample_raw"] as? String == "2003-02-30")

        let skipped = try #require(json["skipped"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: skipped.map { ($0["input"] as! String, $0["forms"] as! [String: Int]) }) == truth.skippedByInput)

        let uncommitted = try #require(json["uncommitted"] as? [[String: Any]])
        #expect(uncommitted.count == 1)
        #expect((uncommitted.first?["input"] as? String)?.hasSuffix("/20031113.nc.tar.gz") == true)
        #expect(uncommitted.first?["kind"] as? String == "rejects")

        // Totals: the manifests, summed independently here.
        let totals = try #require(json["totals"] as? [String: Any])
        let manifests = try ReportScratch.manifests(out)
        #expect(totals["sources"] as? Int == truth.committedInputs.count)
        #expect(manifests.count == truth.committedInputs.count)
        #expect(totals["filings"] as? Int == manifests.reduce(0) { $0 + ($1["filings"] as! Int) })
        #expect(totals["filings"] as? Int == truth.filingsByDay.values.reduce(0, +))
        #expect(totals["rejects"] as? [String: Int] == truth.committedRejects)
        var rows: [String: Int] = [:], skippedTotal: [String: Int] = [:]
        for m in manifests {
            for (k, v) in m["rows"] as! [String: Int] { rows[k, default: 0] += v }
            for (k, v) in m["skipped"] as! [String: Int] { skippedTotal[k, default: 0] += v }
        }
        #expect(totals["rows"] as? [String: Int] == rows)
        #expect(totals["skipped"] as? [String: Int] == skippedTotal)
        #expect(totals["files"] as? Int == manifests.reduce(0) { $0 + ($1["files"] as! [Any]).count })
        #expect((json["missing_files"] as? [Any])?.isEmpty == true)
    }

    @Test func theHTMLPageHoldsEverySectionAndItsTablesMatchTheTruth() throws {
        let (out, truth) = try Self.build()
        let report = try OutputScanner(output: out).scan()
        let page = ReportHTML.render(report)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") || page.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        for section in ["totals", "days", "mix", "rejects", "issues", "skipped", "uncommitted"] {
            #expect(page.contains("id=\"\(section)-section\""), "section \(section) missing")
        }
        #expect(page.components(separatedBy: "<svg").count - 1 == 4)  // days, forms, layouts, rejects
        #expect(HTMLTables.isBalanced(page))

        let days = try HTMLTables.rows(page, id: "days")
        #expect(Dictionary(uniqueKeysWithValues: days.map { ($0[0], Int($0[1])!) }) == truth.filingsByDay)
        #expect(days.filter { $0[3] == "short day" }.map { $0[0] } == ["2003-11-12"])
        #expect(try HTMLTables.counts(page, id: "forms") == truth.forms)
        #expect(try HTMLTables.counts(page, id: "layouts") == truth.layouts)

        let rejects = try HTMLTables.rows(page, id: "rejects")
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0[0], Int($0[2])!) }).filter { $0.value > 0 } == truth.committedRejects)
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0[0], Int($0[3])!) }).filter { $0.value > 0 } == truth.uncommittedRejects)
        let samples = try HTMLTables.rows(page, id: "reject-samples")
        #expect(samples.filter { $0[0] == "malformed_xml" }.map(\.[4]).sorted() == ["<ownershipDocument><issuer>", "<ownershipDocument><issuer><issuerCik>1</issuerCik"])

        let issues = try HTMLTables.rows(page, id: "issues")
        #expect(Dictionary(uniqueKeysWithValues: issues.map { ("\($0[0])/\($0[1])/\($0[2])", Int($0[3])!) }) == truth.issues)

        var skipped: [String: [String: Int]] = [:]
        for row in try HTMLTables.rows(page, id: "skipped") { skipped[row[0], default: [:]][row[1]] = Int(row[2])! }
        #expect(skipped == truth.skippedByInput)

        let uncommitted = try HTMLTables.rows(page, id: "uncommitted")
        #expect(uncommitted.count == 1 && uncommitted[0][2].hasSuffix("/20031113.nc.tar.gz"))

        let totals = try HTMLTables.counts(page, id: "totals")
        let json = try #require(JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report))) as? [String: Any])
        let jsonTotals = json["totals"] as! [String: Any]
        #expect(totals["filings"] == jsonTotals["filings"] as? Int)
        #expect(totals["sources"] == jsonTotals["sources"] as? Int)
        for (table, n) in jsonTotals["rows"] as! [String: Int] { #expect(totals["rows: " + table] == n) }
        #expect(totals["rejects"] == truth.committedRejects.values.reduce(0, +))
        // Per code, the manifests' rejects are the rejects table's "in committed inputs" column.
        var manifestRejects: [String: Int] = [:]
        for m in try ReportScratch.manifests(out) { for (k, v) in m["rejects"] as! [String: Int] { manifestRejects[k, default: 0] += v } }
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0[0], Int($0[2])!) }).filter { $0.value > 0 } == manifestRejects)
        #expect(totals["skipped submissions"] == truth.skippedByInput.values.flatMap(\.values).reduce(0, +))
    }

    @Test func theTextFormNamesEverySection() throws {
        let (out, truth) = try Self.build()
        let text = ReportText.render(try OutputScanner(output: out).scan())
        #expect(text.contains(try Regex("\\n  filings +\(ReportScratch.grouped(truth.filingsByDay.values.reduce(0, +)))\\n")))
        #expect(text.contains("2003-11-12") && text.contains("SHORT DAY"))
        #expect(text.contains("malformed_xml: 2"))
        #expect(text.contains("truncated_archive: 1 (1 in inputs not committed)"))
        #expect(text.contains(/filings +period_of_report +invalid_date +2  2003-02-30/))
        #expect(text.contains("rejects without a manifest _rejects/"))
        for section in ["Totals", "Filings per filing date", "Rejects by error code", "Issues by table, column and code", "Skipped form types per input", "Not committed"] {
            #expect(text.contains(section))
        }
    }

    @Test func aStagingFolderAndAMissingPartFileAreReported() throws {
        let out = ReportScratch.folder("staging")
        let input = ReportScratch.folder("one") + "/20031103.nc.tar.gz"
        var builder = FeedBuilder(seed: 5, filingDate: "20031103")
        _ = try builder.writeTarGz(to: input, count: 20)
        _ = try Pipeline(options: PipelineOptions(output: out, jobs: 1)).run(inputs: [input])
        try FileManager.default.createDirectory(atPath: out + "/_staging/20031104.nc.tar.gz.host.1.abc", withIntermediateDirectories: true)
        let manifest = try #require(try ReportScratch.manifests(out).first)
        let victim = try #require((manifest["files"] as? [[String: Any]])?.first { ($0["path"] as! String).hasPrefix("filings/") }?["path"] as? String)
        try FileManager.default.removeItem(atPath: out + "/" + victim)
        let report = try OutputScanner(output: out).scan()
        #expect(report.uncommitted.map(\.path) == ["_staging/20031104.nc.tar.gz.host.1.abc"])
        #expect(report.missingFiles == [victim])
        #expect(ReportHTML.render(report).contains(victim))
    }

    @Test func aFolderThatIsNoOutputIsAnError() {
        #expect(throws: ReportError.self) { try OutputScanner(output: ReportScratch.folder("empty")).scan() }
    }
}
