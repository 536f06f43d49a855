import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// Schema X0609 (2026): `issuerForeignTradingSymbol` and, in `reportingOwnerAddress`, `rptOwnerNonUSAddressFlag`,
/// `rptOwnerNonUSStateTerritory` and `rptOwnerCountry` become `issuer_foreign_trading_symbol`, `non_us_address`,
/// `non_us_state_territory` and `country`.
@Suite struct XMLX0609Tests {
    let parser = XMLOwnershipParser()
    let encoder = RowEncoder(parserVersion: "test/1")
    typealias H = XMLTestHelpers

    /// The rows of one document, per table, parsed back.
    func rows(_ document: OwnershipDocument) throws -> [Table: [[String: Any]]] {
        let filing = try encoder.encode(document, from: RowsFixtures.extracted(documentType: document.documentType))
        var out: [Table: [[String: Any]]] = [:]
        for (table, chunk) in filing.tables {
            out[table] = try RowsFixtures.lines(chunk).map { try RowsFixtures.parse($0, as: table) }
        }
        return out
    }

    /// The real MSFT Form 4 of 2026-08-17, field by field as filed: an empty foreign symbol, a US owner with the
    /// non-US flag `false` and neither territory nor country.
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func msftX0609FieldByField() throws {
        let document = try parser.parse(try H.corpusFile("real/xml", "form4_msft_X0609_2026_nonus_flag.xml"))
        var expected = OwnershipDocument(layout: .xml)
        expected.schemaVersion = "X0609"
        expected.documentType = "4"
        expected.periodOfReport = "2026-08-17"
        expected.aff10b5One = "0"
        expected.issuer = Issuer(cik: "0000789019", name: "MICROSOFT CORP", tradingSymbol: "MSFT", foreignTradingSymbol: "")
        var owner = ReportingOwner()
        owner.cik = "0002062356"
        owner.name = "Coleman Amy"
        owner.nonUSAddressFlag = "false"
        owner.street1 = "C/O MICROSOFT CORPORATION"
        owner.street2 = "ONE MICROSOFT WAY"
        owner.city = "REDMOND"
        owner.state = "WA"
        owner.zipCode = "98052-6399"
        owner.stateDescription = ""
        owner.isDirector = "0"
        owner.isOfficer = "1"
        owner.isTenPercentOwner = "0"
        owner.isOther = "0"
        owner.officerTitle = "EVP, Chief Human Resources Off"
        expected.reportingOwners = [owner]
        var row = NonDerivativeTransaction()
        row.securityTitle = Field("Common Stock")
        row.transactionDate = Field("2026-08-17")
        row.coding = TransactionCoding(formType: "4", code: "F", equitySwapInvolved: "0")
        row.shares = Field("89.044")
        row.pricePerShare = Field("495.40")
        row.acquiredDisposedCode = Field("D")
        row.sharesOwnedFollowing = Field("45323.5761")
        row.directOrIndirect = Field("D")
        expected.nonDerivativeTransactions = [row]
        expected.signatures = [Signature(name: "Julia Stark, Attorney-in-Fact for Amy Coleman", date: "2026-08-17")]
        #expect(document == expected)

        let rows = try rows(document)
        let filing = try #require(rows[.filings]?.first)
        #expect(filing["issuer_foreign_trading_symbol"] is NSNull, "empty element: null")
        let ownerRow = try #require(rows[.reportingOwners]?.first)
        #expect(ownerRow["non_us_address"] as? Bool == false)
        #expect(ownerRow["non_us_state_territory"] is NSNull && ownerRow["country"] is NSNull)
        #expect(RowsFixtures.issues(filing).isEmpty && RowsFixtures.issues(ownerRow).isEmpty)
    }

    @Test func aNonUSOwnerAndAForeignSymbol() throws {
        let document = try parser.parse(H.bytes("""
            <ownershipDocument><schemaVersion>X0609</schemaVersion><documentType>3</documentType>
            <periodOfReport>2026-04-01</periodOfReport>
            <issuer><issuerCik>0001046179</issuerCik><issuerName>TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD</issuerName>
            <issuerTradingSymbol>TSM</issuerTradingSymbol><issuerForeignTradingSymbol> 2330.TW </issuerForeignTradingSymbol></issuer>
            <reportingOwner><reportingOwnerId><rptOwnerCik>0002100001</rptOwnerCik><rptOwnerName>WEI C C</rptOwnerName></reportingOwnerId>
            <reportingOwnerAddress><rptOwnerNonUSAddressFlag>1</rptOwnerNonUSAddressFlag>
            <rptOwnerStreet1>NO. 8, LI-HSIN RD. 6</rptOwnerStreet1><rptOwnerCity>HSINCHU</rptOwnerCity>
            <rptOwnerNonUSStateTerritory>HSINCHU SCIENCE PARK</rptOwnerNonUSStateTerritory>
            <rptOwnerCountry>TW</rptOwnerCountry><rptOwnerZipCode>300096</rptOwnerZipCode></reportingOwnerAddress>
            <reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship></reportingOwner>
            <reportingOwner><reportingOwnerId><rptOwnerCik>0002100002</rptOwnerCik></reportingOwnerId>
            <reportingOwnerAddress><rptOwnerNonUSAddressFlag></rptOwnerNonUSAddressFlag>
            <rptOwnerNonUSStateTerritory/><rptOwnerCountry></rptOwnerCountry></reportingOwnerAddress>
            <reportingOwnerRelationship><isOfficer>1</isOfficer></reportingOwnerRelationship></reportingOwner>
            </ownershipDocument>
            """))
        let rows = try rows(document)
        #expect(rows[.filings]?.first?["issuer_foreign_trading_symbol"] as? String == "2330.TW")
        let owners = try #require(rows[.reportingOwners])
        #expect(owners[0]["non_us_address"] as? Bool == true)
        #expect(owners[0]["non_us_state_territory"] as? String == "HSINCHU SCIENCE PARK")
        #expect(owners[0]["country"] as? String == "TW")
        #expect(owners[0]["state"] is NSNull)
        // Empty elements: null, no issue.
        #expect(owners[1]["non_us_address"] is NSNull)
        #expect(owners[1]["non_us_state_territory"] is NSNull && owners[1]["country"] is NSNull)
        #expect(owners.allSatisfy { RowsFixtures.issues($0).isEmpty })
    }

    @Test func aFlagThatIsNotABooleanIsAnIssue() throws {
        let document = try parser.parse(H.bytes("""
            <ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer>
            <reportingOwner><reportingOwnerAddress><rptOwnerNonUSAddressFlag>Y</rptOwnerNonUSAddressFlag>
            </reportingOwnerAddress></reportingOwner></ownershipDocument>
            """))
        let owner = try #require(try rows(document)[.reportingOwners]?.first)
        #expect(owner["non_us_address"] is NSNull)
        #expect(RowsFixtures.issues(owner) == [["non_us_address", "invalid_boolean", "Y"]])
    }

    /// Older filings: every key present, null.
    @Test func olderSchemasGiveNullWithTheKeyPresent() throws {
        var generator = FilingGenerator(seed: 5, filingDate: CivilDate(year: 2025, month: 2, day: 13))
        for form in FormKind.allCases {
            let document = try parser.parse(Array(XMLRenderer.render(generator.nextDocument(form: form)).utf8))
            #expect(document.schemaVersion != "X0609")
            let rows = try rows(document)
            #expect(rows[.filings]?.first?["issuer_foreign_trading_symbol"] is NSNull)
            for owner in rows[.reportingOwners] ?? [] {
                #expect(owner["non_us_address"] is NSNull && owner["non_us_state_territory"] is NSNull && owner["country"] is NSNull)
            }
        }
    }

    /// Generated X0609 filings (filed from 2026-03-18): US and non-US owners, with and without a foreign symbol,
    /// empty elements; each reads back to the model it was made from, and every new column carries it.
    @Test func generatedX0609FilingsCarryEveryNewColumn() throws {
        var generator = FilingGenerator(seed: 2026, filingDate: CivilDate(year: 2026, month: 8, day: 17))
        var filings = 0, withSymbol = 0, nonUS = 0, us = 0, emptyElements = 0
        for i in 0..<800 {
            let form = FormKind.allCases[i % 7 == 0 ? i / 7 % FormKind.allCases.count : 2]
            let model = generator.nextDocument(form: form)
            let xml = XMLRenderer.render(model)
            let document = try parser.parse(Array(xml.utf8))
            #expect(document == model)
            #expect(document.schemaVersion == "X0609")
            #expect(xml.contains("<issuerForeignTradingSymbol>"), "always written, empty for a US issuer")
            let rows = try rows(document)
            let filing = try #require(rows[.filings]?.first)
            #expect(RowsFixtures.issues(filing).isEmpty)
            filings += 1
            if let symbol = filing["issuer_foreign_trading_symbol"] as? String {
                #expect(symbol == model.issuer.foreignTradingSymbol)
                withSymbol += 1
            } else {
                #expect(model.issuer.foreignTradingSymbol == "")
            }
            for (owner, row) in zip(model.reportingOwners, rows[.reportingOwners] ?? []) {
                #expect(RowsFixtures.issues(row).isEmpty)
                switch row["non_us_address"] as? Bool {
                case true?:
                    nonUS += 1
                    #expect(row["country"] as? String == owner.country && owner.country?.count == 2)
                    #expect(row["state"] is NSNull)
                    #expect((row["non_us_state_territory"] as? String) == (owner.nonUSStateTerritory == "" ? nil : owner.nonUSStateTerritory))
                case false?:
                    us += 1
                    #expect(row["country"] is NSNull && row["non_us_state_territory"] is NSNull)
                    if owner.country == "" { emptyElements += 1 }
                case nil:
                    #expect(owner.city == nil && owner.street1 == nil, "only an owner without an address has no flag")
                }
            }
        }
        #expect(filings == 800)
        // Realistic shares (ForeignInsiders): a minority of filings carry a home-market symbol, a minority of owners
        // live abroad, and both kinds occur.
        #expect(withSymbol > 10 && withSymbol < 200, "\(withSymbol)")
        #expect(nonUS > 10 && nonUS < us, "\(nonUS) non-US, \(us) US")
        #expect(emptyElements > 0)
    }

    /// The text layout does not show the new fields: null there, as docs/TABLES.md says.
    @Test func theTextLayoutKeepsThemNull() throws {
        var generator = FilingGenerator(seed: 77, filingDate: CivilDate(year: 2026, month: 8, day: 17))
        var model = generator.nextDocument(form: .form4)
        model.issuer.foreignTradingSymbol = "ABC.L"
        model.reportingOwners[0].nonUSAddressFlag = "1"
        model.reportingOwners[0].country = "GB"
        model.reportingOwners[0].nonUSStateTerritory = "ENGLAND"
        let document = try TextLayoutParser.parse(Array(TextLayoutRenderer.render(model).utf8))
        let rows = try rows(document)
        #expect(rows[.filings]?.first?["issuer_foreign_trading_symbol"] is NSNull)
        let owner = try #require(rows[.reportingOwners]?.first)
        #expect(owner["non_us_address"] is NSNull && owner["non_us_state_territory"] is NSNull && owner["country"] is NSNull)
    }
}
