import EdgarCore
import EdgarTestSupport
import EdgarTransformers
import Foundation
import Synchronization
import Testing

/// Every ownership document of the real corpus, plus reuse and threading.
@Suite(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
struct XMLCorpusTests {
    typealias H = XMLTestHelpers

    @Test func everyDocumentParsesWithRowCountsMatchingTheXML() throws {
        let documents = try H.corpusDocuments()
        // 10 loose files (the 2026 MSFT X0609 one included) + 4 in .txt envelopes + 1 in a .nc envelope.
        #expect(documents.count == 15, "\(documents.map(\.name))")
        let parser = XMLOwnershipParser()
        for (name, bytes) in documents {
            let document = try parser.parse(bytes)
            let count = { (element: String) in H.elementCount(element, in: bytes) }
            #expect(document.nonDerivativeTransactions.count == count("nonDerivativeTransaction"), "\(name)")
            #expect(document.nonDerivativeHoldings.count == count("nonDerivativeHolding"), "\(name)")
            #expect(document.derivativeTransactions.count == count("derivativeTransaction"), "\(name)")
            #expect(document.derivativeHoldings.count == count("derivativeHolding"), "\(name)")
            #expect(document.reportingOwners.count == count("reportingOwner"), "\(name)")
            #expect(document.footnotes.count == count("footnote"), "\(name)")
            #expect(document.signatures.count == count("ownerSignature"), "\(name)")
            let footnoteReferences = document.nonDerivativeTransactions.flatMap(\.allFootnoteIDs)
                + document.nonDerivativeHoldings.flatMap(\.allFootnoteIDs)
                + document.derivativeTransactions.flatMap(\.allFootnoteIDs)
                + document.derivativeHoldings.flatMap(\.allFootnoteIDs)
            #expect(footnoteReferences.count == count("footnoteId"), "\(name)")
            #expect(document.schemaVersion != nil && document.documentType != nil && document.issuer.cik != nil, "\(name)")
            #expect(document.layout == .xml && !document.decodedAsWindows1252, "\(name)")
        }
    }

    @Test func theArrowFeedDocumentWithCarriageReturnsParses() throws {
        let document = try XMLOwnershipParser().parse(try H.corpusEnvelopeXML("real/nc", "0001127602-25-004598_form4_arrow.nc"))
        #expect(document.issuer.name == "ARROW ELECTRONICS, INC.")
        #expect(document.reportingOwners.first?.cik == "0001870985")
        #expect(document.footnotes.allSatisfy { !($0.text ?? "").contains("\r") })
    }

    @Test func aDerivativeHoldingFragmentIsNotAnOwnershipForm() throws {
        let rejection = H.rejection(XMLOwnershipParser(), try H.corpusFile("real/xml", "fragment_derivativeHolding.xml"))
        #expect(rejection == DocumentRejection(.notOwnershipForm, "root element is <derivativeHolding>, not <ownershipDocument>"))
    }

    @Test(arguments: ["0001398344-24-000491_formDA.nc", "0002002260-24-000001_formD.nc"])
    func formDIsNotAnOwnershipForm(_ name: String) throws {
        let rejection = H.rejection(XMLOwnershipParser(), try H.corpusEnvelopeXML("real/nc", name))
        #expect(rejection?.code == .notOwnershipForm)
        #expect(rejection?.message.contains("edgarSubmission") == true, "\(String(describing: rejection))")
    }

    @Test func oneParserReusedAThousandTimesMatchesFreshParsers() throws {
        let documents = try H.corpusDocuments().map(\.bytes)
        let fresh = try documents.map { try XMLOwnershipParser().parse($0) }
        let reused = XMLOwnershipParser()
        // Interleave the failures a worker meets, so no state leaks out of a rejected document either.
        let hostile: [[UInt8]] = [
            H.bytes("<!DOCTYPE x [<!ENTITY a \"b\">]><ownershipDocument/>"),
            H.bytes("<ownershipDocument><issuer><issuerCik>1</issuerCik>"),
            [0x3C, 0x6F, 0x77, 0x6E, 0x65, 0x72, 0xE9],
            H.bytes("<edgarSubmission/>"),
        ]
        for i in 0..<1_000 {
            if i % 10 == 9 { _ = H.rejection(reused, hostile[(i / 10) % hostile.count]) }
            let k = i % documents.count
            let document = try reused.parse(documents[k])
            if document != fresh[k] {
                Issue.record("parse \(i) of document \(k) differs from a fresh parser's")
                return
            }
        }
    }

    /// A document with more distinct element names than a context may intern makes the parser replace its
    /// libxml2 context (and forget the name addresses it cached); later documents must not notice.
    @Test func replacingTheContextAfterManyDistinctNamesChangesNothing() throws {
        let documents = try H.corpusDocuments().map(\.bytes)
        let fresh = try documents.map { try XMLOwnershipParser().parse($0) }
        let parser = XMLOwnershipParser()
        _ = try documents.map { try parser.parse($0) }
        let names = (0..<60_000).map { "<n\($0)/>" }.joined()
        let flood = try parser.parse(H.bytes("<ownershipDocument>\(names)<remarks>flood</remarks></ownershipDocument>"))
        #expect(flood.remarks == "flood")
        for _ in 0..<2 {
            #expect(try documents.map { try parser.parse($0) } == fresh)
        }
    }

    @Test func twoThreadsWithTheirOwnParsersAgree() throws {
        let documents = try H.corpusDocuments().map(\.bytes)
        let expected = try documents.map { try XMLOwnershipParser().parse($0) }
        XMLRuntime.initialize()
        let results = Mutex<[[OwnershipDocument]]>([])
        // Two real threads at once, each with its own parser, as the pipeline's workers run.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let parser = XMLOwnershipParser()
            var last: [OwnershipDocument] = []
            for _ in 0..<50 { last = documents.compactMap { try? parser.parse($0) } }
            results.withLock { $0.append(last) }
        }
        let both = results.withLock { $0 }
        #expect(both.count == 2)
        for result in both { #expect(result == expected) }
    }
}

extension NonDerivativeTransaction {
    var allFootnoteIDs: [String] {
        [securityTitle, transactionDate, deemedExecutionDate, timeliness, shares, pricePerShare, acquiredDisposedCode,
         sharesOwnedFollowing, valueOwnedFollowing, directOrIndirect, natureOfOwnership].flatMap(\.footnoteIDs)
            + coding.footnoteIDs
    }
}

extension NonDerivativeHolding {
    var allFootnoteIDs: [String] {
        [securityTitle, sharesOwnedFollowing, valueOwnedFollowing, directOrIndirect, natureOfOwnership]
            .flatMap(\.footnoteIDs) + coding.footnoteIDs
    }
}

extension DerivativeTransaction {
    var allFootnoteIDs: [String] {
        [securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, timeliness, shares, totalValue,
         pricePerShare, acquiredDisposedCode, exerciseDate, expirationDate, underlyingSecurityTitle,
         underlyingSecurityShares, underlyingSecurityValue, sharesOwnedFollowing, valueOwnedFollowing, directOrIndirect,
         natureOfOwnership].flatMap(\.footnoteIDs) + coding.footnoteIDs
    }
}

extension DerivativeHolding {
    var allFootnoteIDs: [String] {
        [securityTitle, conversionOrExercisePrice, exerciseDate, expirationDate, underlyingSecurityTitle,
         underlyingSecurityShares, underlyingSecurityValue, sharesOwnedFollowing, valueOwnedFollowing, directOrIndirect,
         natureOfOwnership].flatMap(\.footnoteIDs) + coding.footnoteIDs
    }
}
