import EdgarCore
import EdgarExtractors
import Testing

struct AccessionNumberTests {
    @Test(arguments: [
        ("0001127602-25-004598.nc", "0001127602-25-004598"),
        ("20250213/0001127602-25-004598.nc", "0001127602-25-004598"),
        ("edgar/data/320193/000032019322000061.txt", "0000320193-22-000061"),
        ("x-0000320193-22-000061-index.htm", "0000320193-22-000061"),
        ("10000320193-22-000061.txt", nil),  // 11 digits before the first dash
        ("0000320193220000612.txt", nil),  // 19 digits
        ("form4.xml", nil),
    ] as [(String, String?)])
    func memberPath(_ path: String, _ expected: String?) {
        #expect(AccessionNumber.fromName(of: Member(archive: "feed.tar", path: path, bytes: [])) == expected)
    }

    @Test func plainInputUsesTheArchiveFileName() {
        let member = Member(archive: "/data/0000950129-95-001652/0001094891-00-000193.txt", path: nil, bytes: [])
        #expect(AccessionNumber.fromName(of: member) == "0001094891-00-000193")
    }

    @Test func memberDoesNotInheritTheArchiveName() {
        let member = Member(archive: "/feeds/0001127602-25-004598.tar", path: "form4.xml", bytes: [])
        #expect(AccessionNumber.fromName(of: member) == nil)
    }

    @Test func extractedDocumentCarriesTheNameAccession() throws {
        let member = Member(archive: "feed.tar", path: "000112760225004598.xml", bytes: Array(form4XML.utf8))
        let outcome = Outcome(SubmissionExtractor().extract(member))
        #expect(outcome.documents.first?.accessionFromName == "0001127602-25-004598")
    }

    @Test func normalizedAcceptsBothShapes() {
        #expect(AccessionNumber.normalized("0001127602-25-004598") == "0001127602-25-004598")
        #expect(AccessionNumber.normalized("000112760225004598") == "0001127602-25-004598")
        #expect(AccessionNumber.normalized("0001127602-25-00459") == nil)
    }
}
