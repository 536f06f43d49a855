import EdgarCore
import Foundation
import Testing

@testable import EdgarTransformers

@Suite struct RowsEncoderTests {
    let encoder = RowEncoder(parserVersion: "test/1")

    @Test func form4GoldenLines() throws {
        let filing = try encoder.encode(RowsFixtures.form4(), from: RowsFixtures.extracted())
        #expect(filing.filingID == "0001181431-03-041285")
        #expect(filing.partition.path == "year=2003/month=11")

        let expected: [Table: [String]] = [
            .filings: [
                #"{"filing_id":"0001181431-03-041285","accession_number":"0001181431-03-041285","form_type":"4","layout":"xml","schema_version":"X0201","period_of_report":"2003-11-10","date_of_original_submission":null,"filing_date":"2003-11-12","acceptance_datetime":"2003-11-12T17:02:10-05:00","issuer_cik":"0001023731","issuer_name":"ACME CORP","issuer_trading_symbol":"ACME","issuer_foreign_trading_symbol":null,"no_securities_owned":null,"not_subject_to_section16":false,"form3_holdings_reported":null,"form4_transactions_reported":null,"aff10b5_one":null,"remarks":null,"source":{"archive":"feed/20031112.nc.tar.gz","member":"0001181431-03-041285.nc","document_sequence":"1"},"parser_version":"test/1","issues":[]}"#
            ],
            .reportingOwners: [
                #"{"filing_id":"0001181431-03-041285","owner_index":1,"owner_cik":"0001234567","owner_name":"DOE JOHN","street1":"1 MAIN ST","street2":null,"city":"SPRINGFIELD","state":"IL","zip_code":"62701","state_description":null,"non_us_address":null,"non_us_state_territory":null,"country":null,"is_director":true,"is_officer":true,"is_ten_percent_owner":false,"is_other":null,"officer_title":"Chief Executive Officer","other_text":null,"issues":[]}"#,
                #"{"filing_id":"0001181431-03-041285","owner_index":2,"owner_cik":"0007654321","owner_name":"DOE FAMILY TRUST","street1":"2 ELM ST","street2":"SUITE 5","city":"BOSTON","state":"MA","zip_code":"02110","state_description":null,"non_us_address":null,"non_us_state_territory":null,"country":null,"is_director":false,"is_officer":false,"is_ten_percent_owner":true,"is_other":false,"officer_title":null,"other_text":null,"issues":[]}"#,
            ],
            .nonDerivativeTransactions: [
                #"{"filing_id":"0001181431-03-041285","row_index":1,"security_title":"Common Stock","transaction_date":"2003-11-10","deemed_execution_date":null,"transaction_form_type":"4","transaction_code":"S","equity_swap_involved":false,"transaction_timeliness":null,"shares":1000,"price_per_share":12.50,"acquired_disposed_code":"D","shares_owned_following_transaction":58000,"value_owned_following_transaction":null,"direct_or_indirect_ownership":"D","nature_of_ownership":null,"footnote_ids":{"transaction_code":["F1"],"price_per_share":["F2","F3"]},"issues":[]}"#
            ],
            .nonDerivativeHoldings: [
                #"{"filing_id":"0001181431-03-041285","row_index":1,"security_title":"Common Stock","transaction_form_type":null,"shares_owned_following_transaction":2500,"value_owned_following_transaction":null,"direct_or_indirect_ownership":"I","nature_of_ownership":"By Trust","footnote_ids":{"nature_of_ownership":["F3"]},"issues":[]}"#
            ],
            .derivativeTransactions: [
                #"{"filing_id":"0001181431-03-041285","row_index":1,"security_title":"Stock Option (right to buy)","conversion_or_exercise_price":null,"transaction_date":"2003-11-10","deemed_execution_date":null,"transaction_form_type":"4","transaction_code":"M","equity_swap_involved":false,"transaction_timeliness":null,"shares":500,"total_value":null,"price_per_share":0,"acquired_disposed_code":"D","exercise_date":null,"expiration_date":null,"underlying_security_title":"Common Stock","underlying_security_shares":500,"underlying_security_value":null,"shares_owned_following_transaction":0,"value_owned_following_transaction":null,"direct_or_indirect_ownership":"D","nature_of_ownership":null,"footnote_ids":{"conversion_or_exercise_price":["F4"],"exercise_date":["F4"],"expiration_date":["F5"]},"issues":[]}"#
            ],
            .derivativeHoldings: [
                #"{"filing_id":"0001181431-03-041285","row_index":1,"security_title":"Warrant","conversion_or_exercise_price":1.25,"transaction_form_type":"4","exercise_date":"2004-01-15","expiration_date":"2009-01-15","underlying_security_title":"Common Stock","underlying_security_shares":1200,"underlying_security_value":null,"shares_owned_following_transaction":1200,"value_owned_following_transaction":null,"direct_or_indirect_ownership":"D","nature_of_ownership":null,"footnote_ids":{"transaction_form_type":["F5"]},"issues":[]}"#
            ],
            .footnotes: [
                #"{"filing_id":"0001181431-03-041285","footnote_id":"F1","text":"Sold under a Rule 10b5-1 plan.","issues":[]}"#,
                #"{"filing_id":"0001181431-03-041285","footnote_id":"F2","text":"Weighted average price; range \"$12.40\" to $12.60.\nDetails on request.","issues":[]}"#,
                #"{"filing_id":"0001181431-03-041285","footnote_id":"F3","text":"Held by the Doe Family Trust.","issues":[]}"#,
                #"{"filing_id":"0001181431-03-041285","footnote_id":"F4","text":"Exercisable at $10.00 from grant.","issues":[]}"#,
                #"{"filing_id":"0001181431-03-041285","footnote_id":"F5","text":"Expires ten years after grant.","issues":[]}"#,
            ],
            .signatures: [
                #"{"filing_id":"0001181431-03-041285","signature_index":1,"signature_name":"/s/ John Doe","signature_date":"2003-11-12","issues":[]}"#
            ],
        ]
        #expect(Set(filing.tables.keys) == Set(Table.dataTables))
        for table in Table.dataTables {
            let lines = RowsFixtures.lines(filing.tables[table])
            #expect(lines == expected[table], "\(table)")
            #expect(filing.tables[table]?.rows == expected[table]?.count, "\(table)")
            for line in lines { try RowsFixtures.parse(line, as: table) }
        }
    }

    @Test func issuesAreReportedInColumnOrderWithTheRawValue() throws {
        var d = OwnershipDocument(layout: .text)
        d.documentType = " 4/a "
        d.periodOfReport = "2023-02-30"
        d.dateOfOriginalSubmission = "11/01/2003"
        d.notSubjectToSection16 = "yes"
        d.issuer = Issuer(cik: "ACME", name: "ACME CORP")
        var owner = ReportingOwner()
        owner.cik = "12345678901"
        owner.name = "DOE JOHN"
        owner.isDirector = "X"
        d.reportingOwners = [owner]
        var t = NonDerivativeTransaction()
        t.securityTitle = Field("Common Stock")
        t.transactionDate = Field(" 2023-02-30 ")
        t.coding = TransactionCoding(code: "q")
        t.shares = Field("( 1,000 )")
        t.acquiredDisposedCode = Field("x")
        t.directOrIndirect = Field("D")
        d.nonDerivativeTransactions = [t]
        d.signatures = [Signature(name: "John Doe", date: "13/45/2003")]
        let source = SourceRef(archive: "loose/0001181431-03-041285.txt")
        let extracted = RowsFixtures.extracted(
            envelope: nil, documentType: nil, accessionFromName: "000118143103041285", source: source, layout: .text)

        let filing = try encoder.encode(d, from: extracted)
        #expect(filing.partition == .unknown(.month), "no filing date and an impossible period: unknown partition")
        #expect(RowsFixtures.lines(filing.tables[.filings]) == [
            #"{"filing_id":"0001181431-03-041285","accession_number":"0001181431-03-041285","form_type":"4/A","layout":"text","schema_version":null,"period_of_report":null,"date_of_original_submission":"2003-11-01","filing_date":null,"acceptance_datetime":null,"issuer_cik":null,"issuer_name":"ACME CORP","issuer_trading_symbol":null,"issuer_foreign_trading_symbol":null,"no_securities_owned":null,"not_subject_to_section16":null,"form3_holdings_reported":null,"form4_transactions_reported":null,"aff10b5_one":null,"remarks":null,"source":{"archive":"loose/0001181431-03-041285.txt","member":null,"document_sequence":null},"parser_version":"test/1","issues":[{"field":"period_of_report","code":"invalid_date","raw":"2023-02-30"},{"field":"issuer_cik","code":"invalid_cik","raw":"ACME"},{"field":"not_subject_to_section16","code":"invalid_boolean","raw":"yes"}]}"#
        ])
        #expect(RowsFixtures.lines(filing.tables[.nonDerivativeTransactions]) == [
            #"{"filing_id":"0001181431-03-041285","row_index":1,"security_title":"Common Stock","transaction_date":null,"deemed_execution_date":null,"transaction_form_type":null,"transaction_code":"Q","equity_swap_involved":null,"transaction_timeliness":null,"shares":null,"price_per_share":null,"acquired_disposed_code":"X","shares_owned_following_transaction":null,"value_owned_following_transaction":null,"direct_or_indirect_ownership":"D","nature_of_ownership":null,"footnote_ids":{},"issues":[{"field":"transaction_date","code":"invalid_date","raw":"2023-02-30"},{"field":"transaction_code","code":"unknown_code","raw":"q"},{"field":"shares","code":"invalid_decimal","raw":"( 1,000 )"},{"field":"acquired_disposed_code","code":"unknown_code","raw":"x"}]}"#
        ])
        let owner1 = try RowsFixtures.parse(try #require(RowsFixtures.lines(filing.tables[.reportingOwners]).first), as: .reportingOwners)
        #expect(owner1["owner_cik"] is NSNull)
        #expect(RowsFixtures.issues(owner1) == [
            ["owner_cik", "invalid_cik", "12345678901"], ["is_director", "invalid_boolean", "X"],
        ])
        let signature = try RowsFixtures.parse(try #require(RowsFixtures.lines(filing.tables[.signatures]).first), as: .signatures)
        #expect(signature["signature_date"] is NSNull)
        #expect(RowsFixtures.issues(signature) == [["signature_date", "invalid_date", "13/45/2003"]])
        #expect(filing.tables[.footnotes] == nil, "a table without rows is absent")
        for table in Table.dataTables {
            for line in RowsFixtures.lines(filing.tables[table]) { try RowsFixtures.parse(line, as: table) }
        }
    }

    @Test func theHashOfTheBodyIsTheIDWhenNoAccessionNumberIsKnown() throws {
        var d = RowsFixtures.form4()
        d.reportingOwners = []
        let extracted = RowsFixtures.extracted(
            envelope: Envelope(accessionNumber: "not-an-accession"), documentType: nil, body: Array("hello".utf8))
        let filing = try encoder.encode(d, from: extracted)
        // SHA-256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e…
        #expect(filing.filingID == "sha256:2cf24dba5fb0a30e26e8")
        #expect(encoder.filingID(for: extracted) == filing.filingID)
        let row = try RowsFixtures.parse(try #require(RowsFixtures.lines(filing.tables[.filings]).first), as: .filings)
        #expect(row["filing_id"] as? String == "sha256:2cf24dba5fb0a30e26e8")
        #expect(row["accession_number"] is NSNull)
        #expect(filing.partition.path == "year=2003/month=11", "period of report when there is no filing date")
        for table in Table.dataTables {
            for line in RowsFixtures.lines(filing.tables[table]) {
                #expect(line.hasPrefix(#"{"filing_id":"sha256:2cf24dba5fb0a30e26e8","#) || table == .filings)
            }
        }
    }

    @Test(arguments: [
        (Envelope(accessionNumber: "000118143103041285") as Envelope?, nil as String?, "0001181431-03-041285"),
        (Envelope(accessionNumber: " 0001181431-03-041285 "), "0000000000-00-000000", "0001181431-03-041285"),
        (Envelope(accessionNumber: nil), "0000950170-25-004920", "0000950170-25-004920"),
        (Envelope(accessionNumber: "garbage"), "000095017025004920", "0000950170-25-004920"),
        (nil, "000095017025004920", "0000950170-25-004920"),
    ])
    func accessionNumberFromEnvelopeElseName(envelope: Envelope?, fromName: String?, expected: String) throws {
        let extracted = RowsFixtures.extracted(envelope: envelope, accessionFromName: fromName)
        let filing = try encoder.encode(RowsFixtures.form4(), from: extracted)
        #expect(filing.filingID == expected)
        let row = try RowsFixtures.parse(try #require(RowsFixtures.lines(filing.tables[.filings]).first), as: .filings)
        #expect(row["accession_number"] as? String == expected)
    }

    @Test(arguments: [
        (nil as String?, nil as String?, RejectCode.missingRequiredField),
        ("  ", nil, .missingRequiredField),
        (nil, "", .missingRequiredField),
        ("10-K", "4", .notOwnershipForm),
        (nil, "8-K", .notOwnershipForm),
        ("4/B", nil, .notOwnershipForm),
        ("6", nil, .notOwnershipForm),
    ])
    func documentsWithoutAnOwnershipFormTypeAreRejected(documentType: String?, envelopeType: String?, code: RejectCode) {
        var d = RowsFixtures.form4()
        d.documentType = documentType
        let extracted = RowsFixtures.extracted(documentType: envelopeType)
        #expect(throws: DocumentRejection.self) { try encoder.encode(d, from: extracted) }
        do {
            _ = try encoder.encode(d, from: extracted)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test(arguments: [
        (nil as String?, "4" as String?, "4"), ("", "5/A", "5/A"), ("3/a", "4", "3/A"), ("5", nil, "5"),
        (" 4/A\n", nil, "4/A"),
    ])
    func formTypeFromTheDocumentElseTheEnvelope(documentType: String?, envelopeType: String?, expected: String) throws {
        var d = RowsFixtures.form4()
        d.documentType = documentType
        let filing = try encoder.encode(d, from: RowsFixtures.extracted(documentType: envelopeType))
        let row = try RowsFixtures.parse(try #require(RowsFixtures.lines(filing.tables[.filings]).first), as: .filings)
        #expect(row["form_type"] as? String == expected)
    }

    @Test(arguments: [
        (Issuer(), true), (Issuer(cik: " ", name: "\n"), true), (Issuer(tradingSymbol: "ACME"), true),
        (Issuer(cik: "1023731"), false), (Issuer(name: "ACME CORP"), false), (Issuer(cik: "bad"), false),
    ])
    func aDocumentWithoutIssuerIsRejected(issuer: Issuer, rejected: Bool) {
        var d = RowsFixtures.form4()
        d.issuer = issuer
        do {
            _ = try encoder.encode(d, from: RowsFixtures.extracted())
            #expect(!rejected)
        } catch {
            #expect(rejected)
            #expect(error.code == .missingRequiredField)
        }
    }

    @Test func windows1252DocumentsFlagEveryNonASCIIValue() throws {
        var d = RowsFixtures.form4()
        d.decodedAsWindows1252 = true
        d.issuer.name = " SOCIÉTÉ GÉNÉRALE "
        d.reportingOwners[0].name = "NUÑEZ JOSÉ"
        d.nonDerivativeTransactions[0].sharesOwnedFollowing = Field("58,000\u{00A0}")
        d.nonDerivativeTransactions[0].transactionDate = Field("2003–11–10")
        d.footnotes[0].text = "Price in ¢"
        let filing = try encoder.encode(d, from: RowsFixtures.extracted())

        let row = try RowsFixtures.parse(RowsFixtures.lines(filing.tables[.filings])[0], as: .filings)
        #expect(row["issuer_name"] as? String == "SOCIÉTÉ GÉNÉRALE")
        #expect(RowsFixtures.issues(row) == [["issuer_name", "invalid_encoding", "SOCIÉTÉ GÉNÉRALE"]])
        let owners = RowsFixtures.lines(filing.tables[.reportingOwners])
        #expect(RowsFixtures.issues(try RowsFixtures.parse(owners[0], as: .reportingOwners)) == [
            ["owner_name", "invalid_encoding", "NUÑEZ JOSÉ"]
        ])
        #expect(RowsFixtures.issues(try RowsFixtures.parse(owners[1], as: .reportingOwners)).isEmpty)
        let transaction = try RowsFixtures.parse(
            RowsFixtures.lines(filing.tables[.nonDerivativeTransactions])[0], as: .nonDerivativeTransactions)
        #expect(transaction["shares_owned_following_transaction"] as? Int == 58000)
        #expect(RowsFixtures.issues(transaction) == [
            ["transaction_date", "invalid_encoding", "2003–11–10"], ["transaction_date", "invalid_date", "2003–11–10"],
            ["shares_owned_following_transaction", "invalid_encoding", "58,000"],
        ])
        let footnote = try RowsFixtures.parse(RowsFixtures.lines(filing.tables[.footnotes])[0], as: .footnotes)
        #expect(RowsFixtures.issues(footnote) == [["text", "invalid_encoding", "Price in ¢"]])

        // The same text in a document that was valid UTF-8 is not an encoding problem.
        d.decodedAsWindows1252 = false
        let clean = try encoder.encode(d, from: RowsFixtures.extracted())
        #expect(RowsFixtures.issues(try RowsFixtures.parse(RowsFixtures.lines(clean.tables[.filings])[0], as: .filings)).isEmpty)
    }

    @Test(arguments: [
        (PartitionGranularity.month, "20031112" as String?, "2003-10-05" as String?, "year=2003/month=11"),
        (.month, nil, "2003-10-05", "year=2003/month=10"),
        (.month, "garbage", "10/05/2003", "year=2003/month=10"),
        (.month, nil, nil, "year=unknown/month=unknown"),
        (.day, "20031112", nil, "year=2003/month=11/day=12"),
        (.year, nil, "2003-10-05", "year=2003"),
        (.none, "20031112", nil, ""),
    ])
    func partitionIsFilingDateElsePeriodOfReport(
        granularity: PartitionGranularity, filingDate: String?, period: String?, expected: String
    ) throws {
        var d = RowsFixtures.form4()
        d.periodOfReport = period
        let extracted = RowsFixtures.extracted(envelope: Envelope(accessionNumber: RowsFixtures.accession, filingDate: filingDate))
        let encoder = RowEncoder(granularity: granularity)
        #expect(try encoder.encode(d, from: extracted).partition.path == expected)
        #expect(encoder.partition(of: d, from: extracted).path == expected)
    }

    @Test func rejectPartitionUsesWhateverIsKnown() {
        #expect(encoder.partition(of: nil, from: nil) == .unknown(.month))
        #expect(encoder.partition(of: nil, from: RowsFixtures.extracted()).path == "year=2003/month=11")
        #expect(encoder.partition(of: RowsFixtures.form4(), from: nil).path == "year=2003/month=11")
    }

    @Test func rejectLine() throws {
        let reject = Reject(
            source: SourceRef(archive: "in.tar", member: "a/b.xml"), stage: .transform, code: .malformedXML,
            message: "line 3: \"oops\"", excerpt: "<ownershipDocument>\n")
        let bytes = encoder.encodeReject(reject)
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(line == #"{"source":{"archive":"in.tar","member":"a/b.xml","document_sequence":null},"filing_id":null,"stage":"transform","error_code":"malformed_xml","message":"line 3: \"oops\"","excerpt":"<ownershipDocument>\n"}"# + "\n")
        try RowsFixtures.parse(String(line.dropLast()), as: .rejects)

        let withID = Reject(
            source: RowsFixtures.source, filingID: RowsFixtures.accession, stage: .transform,
            code: .missingRequiredField, message: "no issuer")
        let row = try RowsFixtures.parse(String(decoding: encoder.encodeReject(withID).dropLast(), as: UTF8.self), as: .rejects)
        #expect(row["filing_id"] as? String == RowsFixtures.accession)
        #expect(row["excerpt"] is NSNull)
        #expect((row["source"] as? [String: Any])?["document_sequence"] as? String == "1")
    }

    @Test func rowIndexesCountPerTableInDocumentOrder() throws {
        var d = RowsFixtures.form4()
        d.nonDerivativeTransactions = (1...3).map { n in
            var t = NonDerivativeTransaction()
            t.shares = Field("\(n)00")
            return t
        }
        d.signatures = [Signature(name: "A"), Signature(name: "B")]
        let filing = try encoder.encode(d, from: RowsFixtures.extracted())
        let rows = try RowsFixtures.lines(filing.tables[.nonDerivativeTransactions]).map {
            try RowsFixtures.parse($0, as: .nonDerivativeTransactions)
        }
        #expect(rows.map { $0["row_index"] as? Int } == [1, 2, 3])
        #expect(rows.map { $0["shares"] as? Int } == [100, 200, 300])
        #expect(filing.tables[.nonDerivativeTransactions]?.rows == 3)
        let signatures = try RowsFixtures.lines(filing.tables[.signatures]).map { try RowsFixtures.parse($0, as: .signatures) }
        #expect(signatures.map { $0["signature_index"] as? Int } == [1, 2])
        #expect(signatures.map { $0["signature_name"] as? String } == ["A", "B"])
        #expect(RowsFixtures.lines(filing.tables[.derivativeTransactions]).first?.contains(#""row_index":1,"#) == true)
    }
}
