import EdgarCore
import EdgarTransformers
import Testing

/// Issue 12 item 7 (contract 1.1): the document limit is never below the member limit's default, and a
/// document above it is `member_too_large`, a size limit, not `malformed_xml`.
@Suite struct XMLDocumentLimitTests {
    @Test func defaultIsNotBelowTheMemberLimit() {
        // 64 MiB: ReaderLimits' default member limit (EdgarReaders is not a dependency of this module's tests;
        // EdgarPipelineTests' defaults test compares the two directly).
        #expect(XMLLimits().maxDocumentBytes >= 64 << 20)
    }

    @Test func documentAboveTheLimitIsMemberTooLarge() throws {
        let parser = XMLOwnershipParser(limits: XMLLimits(maxDocumentBytes: 2048))
        let body = Array(("<?xml version=\"1.0\"?>\n<ownershipDocument><remarks>" + String(repeating: "x", count: 4096)
            + "</remarks></ownershipDocument>").utf8)
        do throws(DocumentRejection) {
            _ = try parser.parse(body)
            Issue.record("a document above the limit was parsed")
        } catch {
            #expect(error.code == .memberTooLarge)
            #expect(error.message.contains("larger than the limit of 2048"))
        }
    }
}
