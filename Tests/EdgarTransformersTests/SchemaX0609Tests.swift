import EdgarCore
import Foundation
import Testing

@testable import EdgarTransformers

/// The four X0609 columns in every dialect, typed; `unknown_element` issues in the JSON Schema of filings.
@Suite struct SchemaX0609Tests {
    @Test func everyDialectTypesTheNewColumns() {
        let expected: [(SchemaDialect, [String])] = [
            (.duckdb, [
                "    issuer_foreign_trading_symbol VARCHAR,", "    non_us_address BOOLEAN,",
                "    non_us_state_territory VARCHAR,", "    country VARCHAR,",
            ]),
            (.postgres, [
                "    issuer_foreign_trading_symbol TEXT,", "    non_us_address BOOLEAN,",
                "    non_us_state_territory TEXT,", "    country TEXT,",
            ]),
            (.spark, [
                "issuer_trading_symbol STRING, issuer_foreign_trading_symbol STRING, no_securities_owned BOOLEAN",
                "state_description STRING, non_us_address BOOLEAN, non_us_state_territory STRING, country STRING, is_director",
            ]),
            (.bigquery, [
                #"{"name": "issuer_foreign_trading_symbol", "type": "STRING", "mode": "NULLABLE"}"#,
                #"{"name": "non_us_address", "type": "BOOLEAN", "mode": "NULLABLE"}"#,
                #"{"name": "non_us_state_territory", "type": "STRING", "mode": "NULLABLE"}"#,
                #"{"name": "country", "type": "STRING", "mode": "NULLABLE"}"#,
            ]),
            (.jsonSchema, [
                #""issuer_foreign_trading_symbol": {"type": ["string", "null"]}"#,
                #""non_us_address": {"type": ["boolean", "null"]}"#,
                #""non_us_state_territory": {"type": ["string", "null"]}"#, #""country": {"type": ["string", "null"]}"#,
            ]),
        ]
        for (dialect, lines) in expected {
            let rendered = SchemaRenderer.render(dialect)
            for line in lines { #expect(rendered.contains(line), "\(dialect): \(line)") }
        }
        #expect(Columns.of(.filings).names.contains("issuer_foreign_trading_symbol"))
        #expect(Array(Columns.of(.reportingOwners).names[10...12]) == ["non_us_address", "non_us_state_territory", "country"])
    }

    @Test func onlyFilingsAcceptUnknownElementIssues() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(SchemaRenderer.render(.jsonSchema).utf8)) as? [String: Any])
        let defs = try #require(document["$defs"] as? [String: [String: Any]])
        func items(_ table: String) throws -> [String: Any] {
            let properties = try #require(defs[table]?["properties"] as? [String: Any])
            let issues = try #require(properties["issues"] as? [String: Any])
            return try #require(issues["items"] as? [String: Any])
        }
        let filings = try #require(try items("filings")["anyOf"] as? [[String: Any]])
        let alternatives = filings.compactMap { $0["properties"] as? [String: [String: Any]] }
        let element = try #require(alternatives.first { $0["code"]?["const"] as? String == "unknown_element" })
        #expect(element["code"]?["const"] as? String == "unknown_element")
        #expect(element["raw"]?["maxLength"] as? Int == 200)
        let owners = try items("reporting_owners")
        #expect(owners["anyOf"] == nil)
        let codes = (owners["properties"] as? [String: [String: Any]])?["code"]?["enum"] as? [String]
        #expect(codes?.contains("unknown_element") == false && codes?.contains("invalid_boolean") == true)
    }
}
