import EdgarCore
import Testing

@testable import EdgarTransformers

/// Findings of the fuzz targets (FuzzTesting/FailCases), minimised by hand, with the behaviour they must have.
@Suite struct FuzzRegressionTests {
    /// FuzzHTMLView, crash-154831e3…: a page with signature lines but no Table I or II title made the search for
    /// the no-securities statement build the range `count..<signatureLine` and trap. Without a table there is no
    /// "after Table II": the statement is not searched for, and the signature still reads.
    static let noTables = """
        OMB Number:\t3235-0287
        STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
        1. Name and Address of Reporting Person* Doe John (Last) (First) (Middle) 1 Main St (Street) Town NY 10001 (City) (State) (Zip)\t2. Issuer Name and Ticker or Trading Symbol Example Corp [EXC]
        /s/ John Doe 01/02/2003
        ** Signature of Reporting Person\tDate
        """

    @Test func signatureLinesWithoutATableTitle() throws {
        let document = try TextLayoutParser.parse(Array(Self.noTables.utf8))
        #expect(document.signatures == [Signature(name: "/s/ John Doe", date: "01/02/2003")])
        #expect(document.nonDerivativeTransactions.isEmpty && document.derivativeTransactions.isEmpty)
    }

    @Test func theSamePageAsHTML() throws {
        let cells = Self.noTables.split(separator: "\n").map { line in
            "<tr>" + line.split(separator: "\t").map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        let html = "<html><body><table>" + cells.joined(separator: "\n") + "</table></body></html>"
        let document = try HTMLViewParser.parse(Array(html.utf8))
        #expect(document.layout == .html)
        #expect(document.signatures == [Signature(name: "/s/ John Doe", date: "01/02/2003")])
    }
}
