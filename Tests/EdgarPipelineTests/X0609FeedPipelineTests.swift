import EdgarCore
import EdgarPipeline
import EdgarSynth
import EdgarTransformers
import Foundation
import Testing

/// A generated daily feed filed after 2026-03-18 through the whole pipeline: the X0609 columns carry what each
/// model was made with, the text layout leaves them null, and nothing is an unknown element.
@Suite struct X0609FeedPipelineTests {
    @Test func aFeedOf2026CarriesTheX0609Columns() throws {
        let inputs = OutputTree.temporaryFolder("x0609-inputs")
        let feed = inputs + "/20260817.nc.tar.gz"
        var builder = FeedBuilder(seed: 20_260_817, filingDate: "20260817", textRenderer: { TextLayoutRenderer.render($0) })
        let truth = try builder.writeTarGz(to: feed, count: 400)
        let out = OutputTree.temporaryFolder("x0609-out")
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: 2)).run(inputs: [feed])
        #expect(report.allCommitted && report.rejects == 0)

        let models = Dictionary(
            uniqueKeysWithValues: truth.members.filter(\.isOwnership).compactMap { m in m.document.map { (m.accession, $0) } })
        let filings = try OutputTree.rows(out, table: "filings")
        let owners = try OutputTree.rows(out, table: "reporting_owners")
        #expect(filings.count == models.count)
        var symbols = 0, nonUS = 0, us = 0
        for filing in filings {
            let id = try #require(filing["filing_id"] as? String)
            let model = try #require(models[id])
            #expect((filing["issues"] as? [Any])?.isEmpty == true, "\(id): \(filing["issues"] ?? "")")
            if filing["layout"] as? String == "text" {
                #expect(filing["issuer_foreign_trading_symbol"] is NSNull && filing["schema_version"] is NSNull)
                continue
            }
            #expect(filing["schema_version"] as? String == "X0609")
            let expected = model.issuer.foreignTradingSymbol == "" ? nil : model.issuer.foreignTradingSymbol
            #expect(filing["issuer_foreign_trading_symbol"] as? String == expected)
            if expected != nil { symbols += 1 }
            let rows = owners.filter { $0["filing_id"] as? String == id }
            #expect(rows.count == model.reportingOwners.count)
            for (row, owner) in zip(rows, model.reportingOwners) {
                func text(_ value: String?) -> String? { value == "" ? nil : value }
                #expect(row["non_us_address"] as? Bool == owner.nonUSAddressFlag.map { $0 == "1" || $0 == "true" })
                #expect(row["non_us_state_territory"] as? String == text(owner.nonUSStateTerritory))
                #expect(row["country"] as? String == text(owner.country))
                switch row["non_us_address"] as? Bool {
                case true?: nonUS += 1
                case false?: us += 1
                case nil: break
                }
            }
        }
        #expect(symbols > 0 && nonUS > 0 && us > nonUS, "\(symbols) symbols, \(nonUS) non-US owners, \(us) US owners")
        // The text-layout members of the same feed: null, key present.
        let textIDs = Set(filings.filter { $0["layout"] as? String == "text" }.compactMap { $0["filing_id"] as? String })
        #expect(!textIDs.isEmpty)
        for row in owners where textIDs.contains(row["filing_id"] as? String ?? "") {
            #expect(row["non_us_address"] is NSNull && row["non_us_state_territory"] is NSNull && row["country"] is NSNull)
        }
    }
}
