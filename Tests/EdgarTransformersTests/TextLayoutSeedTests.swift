import EdgarCore
import EdgarTestSupport
import Foundation
import Testing

@testable import EdgarTransformers

/// The reference text layout (corpus/seed/form4-text-layout.txt), field by field.
@Suite struct TextLayoutSeedTests {
    static func seed() throws -> [UInt8] {
        try Corpus.bytes(Corpus.root!.appendingPathComponent("seed/form4-text-layout.txt"))
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func seedDocumentFieldByField() throws {
        let doc = try TextLayoutParser.parse(Self.seed())
        #expect(doc.layout == .text)
        #expect(doc.documentType == "4")
        #expect(doc.periodOfReport == "11/10/2003")
        #expect(doc.dateOfOriginalSubmission == nil)
        #expect(doc.notSubjectToSection16 == "false")
        #expect(doc.aff10b5One == nil)
        #expect(doc.form3HoldingsReported == nil)
        #expect(doc.form4TransactionsReported == nil)
        #expect(doc.noSecuritiesOwned == nil)
        #expect(doc.schemaVersion == nil)
        #expect(doc.issuer == Issuer(cik: nil, name: "8X8 INC /DE/", tradingSymbol: "eght"))

        #expect(doc.reportingOwners.count == 1)
        let owner = try #require(doc.reportingOwners.first)
        #expect(owner.name == "PETERS CHRISTOPHER")
        #expect(owner.cik == nil)
        #expect(owner.street1 == "C/O 8X8 INC 2445 MISSION COLLEGE BLVD")
        #expect(owner.street2 == nil)
        #expect(owner.city == "SANTA CLARA")
        #expect(owner.state == "CA")
        #expect(owner.zipCode == "65054")
        #expect(owner.isDirector == "false")
        #expect(owner.isTenPercentOwner == "false")
        #expect(owner.isOfficer == "true")
        #expect(owner.isOther == "false")
        #expect(owner.officerTitle == "VP, Corporate Development")
        #expect(owner.otherText == nil)

        #expect(doc.nonDerivativeHoldings.isEmpty)
        #expect(doc.derivativeHoldings.isEmpty)
        let expected: [(String, String, String, String, String)] = [
            ("M", "58,000", "A", "$0.85", "87,300"),
            ("S", "18,000", "D", "$3.9459", "69,300"),
            ("S", "40,000", "D", "$4.0574", "29,300"),
        ]
        #expect(doc.nonDerivativeTransactions.count == 3)
        for (row, (code, shares, ad, price, following)) in zip(doc.nonDerivativeTransactions, expected) {
            #expect(row.securityTitle == Field("Common Stock"))
            #expect(row.transactionDate == Field("11/10/2003"))
            #expect(row.deemedExecutionDate == Field())
            #expect(row.coding == TransactionCoding(code: code))
            #expect(row.timeliness == Field())
            #expect(row.shares == Field(shares))
            #expect(row.acquiredDisposedCode == Field(ad))
            #expect(row.pricePerShare == Field(price))
            #expect(row.sharesOwnedFollowing == Field(following))
            #expect(row.valueOwnedFollowing == Field())
            #expect(row.directOrIndirect == Field("D"))
            #expect(row.natureOfOwnership == Field())
        }

        #expect(doc.derivativeTransactions.count == 1)
        let option = try #require(doc.derivativeTransactions.first)
        #expect(option.securityTitle == Field("Employee stock option (Right to buy)"))
        #expect(option.conversionOrExercisePrice == Field("$0.85"))
        #expect(option.transactionDate == Field("11/10/2003"))
        #expect(option.deemedExecutionDate == Field())
        #expect(option.coding == TransactionCoding(code: "M"))
        #expect(option.timeliness == Field())
        #expect(option.shares == Field("58,000"))
        #expect(option.totalValue == Field())
        #expect(option.acquiredDisposedCode == Field("D"))
        #expect(option.exerciseDate == Field(nil, footnoteIDs: ["F1"]))
        #expect(option.expirationDate == Field("10/23/2011"))
        #expect(option.underlyingSecurityTitle == Field("Common Stock"))
        #expect(option.underlyingSecurityShares == Field("58,000"))
        #expect(option.underlyingSecurityValue == Field())
        #expect(option.pricePerShare == Field("$0"))
        #expect(option.sharesOwnedFollowing == Field("419,000"))
        #expect(option.directOrIndirect == Field("D"))
        #expect(option.natureOfOwnership == Field())

        #expect(
            doc.footnotes == [
                Footnote(
                    id: "F1",
                    text: "One-fourth (1/4th) of the shares shall vest one year after the vesting commencement date, "
                        + "and one thirty-sixth (1/36th) of the remaining shares vest on the last day of each full "
                        + "month thereafter.")
            ])
        #expect(doc.remarks == nil)
        #expect(doc.signatures == [Signature(name: "/s/ Christopher Peters", date: "11/12/2003")])
        #expect(doc.decodedAsWindows1252 == false)
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func seedSurvivesCRLFBlankLinesCaseAndSpacing() throws {
        let original = try TextLayoutParser.parse(Self.seed())
        let text = String(decoding: try Self.seed(), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "\n", with: "\r\n"),
            text.replacingOccurrences(of: "\n\n", with: "\n"),
            text.replacingOccurrences(of: "\n", with: "\n\n\n"),
            text.replacingOccurrences(of: "<u>", with: "").replacingOccurrences(of: "</u>", with: ""),
            text.replacingOccurrences(of: "\\$", with: "$"),
            text.replacingOccurrences(of: "Date of Earliest Transaction", with: "DATE OF EARLIEST  TRANSACTION")
                .replacingOccurrences(of: "Name and Address of", with: "name and address\tof")
                .replacingOccurrences(of: "Explanation of Responses:", with: "EXPLANATION OF RESPONSES:"),
            text.replacingOccurrences(of: " (Street) ", with: "\t(Street)\t"),
            // Rows with their trailing empty cells cut off.
            text.replacingOccurrences(of: "\tD\t\n", with: "\tD\n"),
        ]
        for (index, variant) in variants.enumerated() {
            let parsed = try TextLayoutParser.parse(Array(variant.utf8))
            #expect(parsed == original, "variant \(index)")
        }
    }

    @Test func rejectsWhatIsNotATextLayout() {
        let inputs = [
            "",
            "   \n\n",
            "<?xml version=\"1.0\"?><ownershipDocument></ownershipDocument>",
            "Hello, world\nThis is not a form.",
            "FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n1. Name and Address of Reporting Person\n   Foster, Alan H.\n",
            String(repeating: "(1)(2)\t", count: 5000),
            String(repeating: "1. Name and Address of Reporting Person ", count: 2000),
        ]
        for input in inputs {
            #expect(throws: DocumentRejection.self) { try TextLayoutParser.parse(Array(input.utf8)) }
            do {
                _ = try TextLayoutParser.parse(Array(input.utf8))
            } catch {
                #expect(error.code == .unrecognizedLayout)
                #expect(!error.message.isEmpty)
            }
        }
    }
}
