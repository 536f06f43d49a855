import EdgarCore
import Testing

/// The count members every counting output writes (manifest, `--summary-json`, `--inputs-from` lines, report
/// `--json`): the bytes are a contract, so they are pinned here once.
@Suite struct CountMembersTests {
    @Test func asARunCountedThem() {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        w.countMembers(
            rows: [.signatures: 2, .filings: 1], rejects: [.truncatedArchive: 1, .duplicateFiling: 3], skipped: ["8-K": 2, "10-Q": 1])
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"""
            {"rows":{"filings":1,"reporting_owners":0,"non_derivative_transactions":0,"non_derivative_holdings":0,"derivative_transactions":0,"derivative_holdings":0,"footnotes":0,"signatures":2},"rejects":{"duplicate_filing":3,"truncated_archive":1},"skipped":{"10-Q":1,"8-K":2}}
            """#)
        var line = JSONWriter(capacity: 64)
        line.beginObject()
        line.countMembers(rows: [:], rejects: [:], skipped: nil)
        line.endObject()
        #expect(String(decoding: line.bytes, as: UTF8.self).hasSuffix(#""signatures":0},"rejects":{}}"#))
    }

    @Test func asReadBackFromManifests() {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        w.countMembers(rowsByName: ["signatures": 2, "filings": 1], rejects: ["x": 1], skipped: [:])
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"rows":{"filings":1,"signatures":2},"rejects":{"x":1},"skipped":{}}"#)
    }
}
