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

    // A document above the limit is member_too_large: the case Tests/Cases/xml-rejects/above-document-limit-with-declaration.
}
