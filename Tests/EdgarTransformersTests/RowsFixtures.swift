import EdgarCore
import Foundation
import Testing

@testable import EdgarTransformers

/// Hand-built models for the row encoder tests (the XML and text parsers live on other branches).
enum RowsFixtures {
    static let accession = "0001181431-03-041285"

    static let source = SourceRef(
        archive: "feed/20031112.nc.tar.gz", member: "0001181431-03-041285.nc", documentSequence: "1")

    static func extracted(
        envelope: Envelope? = Envelope(
            accessionNumber: accession, submissionType: "4", filingDate: "20031112",
            acceptanceDatetime: "20031112170210"),
        documentType: String? = "4", accessionFromName: String? = nil, source: SourceRef = source,
        layout: Layout = .xml, body: [UInt8] = Array("<ownershipDocument/>".utf8)
    ) -> ExtractedDocument {
        ExtractedDocument(
            source: source, layout: layout, envelope: envelope, documentType: documentType, body: body,
            accessionFromName: accessionFromName)
    }

    /// A Form 4 with two owners, one row in each of the four row tables, five footnotes and a signature.
    static func form4() -> OwnershipDocument {
        var d = OwnershipDocument(layout: .xml)
        d.schemaVersion = "X0201"
        d.documentType = "4"
        d.periodOfReport = "2003-11-10"
        d.notSubjectToSection16 = "0"
        d.issuer = Issuer(cik: "1023731", name: "ACME CORP", tradingSymbol: "ACME")

        var owner1 = ReportingOwner()
        owner1.cik = "1234567"
        owner1.name = "DOE JOHN"
        owner1.street1 = "1 MAIN ST"
        owner1.street2 = ""
        owner1.city = "SPRINGFIELD"
        owner1.state = "IL"
        owner1.zipCode = "62701"
        owner1.isDirector = "1"
        owner1.isOfficer = "true"
        owner1.isTenPercentOwner = "0"
        owner1.officerTitle = "Chief Executive Officer"
        var owner2 = ReportingOwner()
        owner2.cik = "7654321"
        owner2.name = "DOE FAMILY TRUST"
        owner2.street1 = "2 ELM ST"
        owner2.street2 = "SUITE 5"
        owner2.city = "BOSTON"
        owner2.state = "MA"
        owner2.zipCode = "02110"
        owner2.isDirector = "0"
        owner2.isOfficer = "0"
        owner2.isTenPercentOwner = "1"
        owner2.isOther = "FALSE"
        d.reportingOwners = [owner1, owner2]

        var sale = NonDerivativeTransaction()
        sale.securityTitle = Field("\n  Common Stock\n  ")
        sale.transactionDate = Field("2003-11-10")
        sale.coding = TransactionCoding(formType: "4", code: "S", equitySwapInvolved: "0", footnoteIDs: ["F1"])
        sale.shares = Field("1000")
        sale.pricePerShare = Field("12.50", footnoteIDs: ["F2", "F3"])
        sale.acquiredDisposedCode = Field("D")
        sale.sharesOwnedFollowing = Field("58,000")
        sale.directOrIndirect = Field("D")
        d.nonDerivativeTransactions = [sale]

        var held = NonDerivativeHolding()
        held.securityTitle = Field("Common Stock")
        held.sharesOwnedFollowing = Field("2500")
        held.directOrIndirect = Field("I")
        held.natureOfOwnership = Field("By Trust", footnoteIDs: ["F3"])
        d.nonDerivativeHoldings = [held]

        // Price, exercise and expiration dates given only as footnotes.
        var exercise = DerivativeTransaction()
        exercise.securityTitle = Field("Stock Option (right to buy)")
        exercise.conversionOrExercisePrice = Field(nil, footnoteIDs: ["F4"])
        exercise.transactionDate = Field("2003-11-10")
        exercise.coding = TransactionCoding(formType: "4", code: "m", equitySwapInvolved: "false")
        exercise.shares = Field("500")
        exercise.pricePerShare = Field("0")
        exercise.acquiredDisposedCode = Field("D")
        exercise.exerciseDate = Field(nil, footnoteIDs: ["F4"])
        exercise.expirationDate = Field(nil, footnoteIDs: ["F5"])
        exercise.underlyingSecurityTitle = Field("Common Stock")
        exercise.underlyingSecurityShares = Field("500")
        exercise.sharesOwnedFollowing = Field("0")
        exercise.directOrIndirect = Field("D")
        d.derivativeTransactions = [exercise]

        var warrant = DerivativeHolding()
        warrant.securityTitle = Field("Warrant")
        warrant.conversionOrExercisePrice = Field("$1.25")
        warrant.coding = TransactionCoding(formType: "4", footnoteIDs: ["F5"])
        warrant.exerciseDate = Field("01/15/2004")
        warrant.expirationDate = Field("20090115")
        warrant.underlyingSecurityTitle = Field("Common Stock")
        warrant.underlyingSecurityShares = Field("1.2E+03")
        warrant.sharesOwnedFollowing = Field("1200")
        warrant.directOrIndirect = Field("d")
        d.derivativeHoldings = [warrant]

        d.footnotes = [
            Footnote(id: "F1", text: "Sold under a Rule 10b5-1 plan."),
            Footnote(id: "F2", text: "Weighted average price; range \"$12.40\" to $12.60.\nDetails on request."),
            Footnote(id: "F3", text: "Held by the Doe Family Trust."),
            Footnote(id: "F4", text: "Exercisable at $10.00 from grant."),
            Footnote(id: "F5", text: "Expires ten years after grant."),
        ]
        d.signatures = [Signature(name: "/s/ John Doe", date: "2003-11-12")]
        return d
    }

    /// The NDJSON lines of a chunk, each without its `\n`.
    static func lines(_ chunk: TableChunk?) -> [String] {
        guard let chunk else { return [] }
        let text = String(decoding: chunk.bytes, as: UTF8.self)
        #expect(text.hasSuffix("\n"), "every NDJSON line ends in a newline")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The top-level keys of one JSON object line, in the order written (JSONSerialization loses the order).
    static func topLevelKeys(_ line: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var lastString: String?
        for ch in line {
            if inString {
                if escaped {
                    escaped = false
                    current.append(ch)
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                inString = true
                current = ""
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case ":": if depth == 1, let key = lastString { keys.append(key) }
            default: break
            }
            if ch != "\"" && ch != ":" { lastString = nil }
        }
        return keys
    }

    /// Parses a line back (test only) and checks it has exactly the table's columns, in order.
    @discardableResult
    static func parse(_ line: String, as table: Table, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String: Any]
    {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        let dictionary = try #require(object as? [String: Any], sourceLocation: sourceLocation)
        #expect(topLevelKeys(line) == Columns.of(table).names, sourceLocation: sourceLocation)
        #expect(dictionary.count == Columns.of(table).names.count, sourceLocation: sourceLocation)
        return dictionary
    }

    /// The `issues` of a parsed row as (field, code, raw) triples.
    static func issues(_ row: [String: Any]) -> [[String]] {
        (row["issues"] as? [[String: String]] ?? []).map { [$0["field"] ?? "?", $0["code"] ?? "?", $0["raw"] ?? "?"] }
    }
}
