import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import Foundation
import Testing

/// Issue 11 items 4 and 12: one filing twice in an input, and the bytes in flight with many workers.
@Suite struct DuplicateAndBudgetTests {
    private func document(seed: UInt64) -> [UInt8] {
        var generator = FilingGenerator(seed: seed)
        return Array(XMLRenderer.render(generator.nextDocument(form: .form4)).utf8)
    }

    private func write(_ tar: TarWriter, _ name: String) throws -> String {
        let path = OutputTree.temporaryFolder("dup-in") + "/" + name
        try Data(try Deflater.gzip(tar.bytes)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The same filing twice in one input used to give duplicate (`filing_id`, index) keys. The first copy
    /// is kept; the later ones are `duplicate_filing` rejects naming where the first came from, whatever --jobs.
    @Test(arguments: [1, 8]) func laterCopiesOfAFilingAreRejected(jobs: Int) throws {
        let twice = document(seed: 41)
        var tar = TarWriter()
        tar.addFile(name: "first/form4.xml", contents: twice)
        tar.addFile(name: "other/form4.xml", contents: document(seed: 42))
        tar.addFile(name: "again/form4.xml", contents: twice)
        tar.addFile(name: "third/form4.xml", contents: twice)
        tar.finish()
        let input = try write(tar, "dup.nc.tar.gz")
        let out = OutputTree.temporaryFolder("dup-out")
        let report = try Pipeline(options: PipelineOptions(output: out, jobs: jobs)).run(inputs: [input])
        #expect(report.sources[0].status == .committed)
        #expect(report.sources[0].filings == 2)
        #expect(report.sources[0].rejects == [.duplicateFiling: 2])

        let filings = try OutputTree.rows(out, table: "filings")
        let ids = filings.compactMap { $0["filing_id"] as? String }
        #expect(ids.count == 2 && Set(ids).count == 2)
        let kept = filings.first { ($0["source"] as? [String: Any])?["member"] as? String == "first/form4.xml" }
        #expect(kept != nil, "the first copy is the one kept")

        let rejects = try OutputTree.rows(out, table: "_rejects")
        #expect(rejects.count == 2)
        for reject in rejects {
            #expect(reject["error_code"] as? String == "duplicate_filing")
            #expect(reject["stage"] as? String == "transform")
            #expect(ids.contains(reject["filing_id"] as? String ?? ""))
            #expect((reject["message"] as? String)?.contains("member first/form4.xml") == true)
        }
        let members = Set(rejects.compactMap { ($0["source"] as? [String: Any])?["member"] as? String })
        #expect(members == ["again/form4.xml", "third/form4.xml"])
    }

    /// Large members with many workers: the bytes between reader and writer stay within one budget, whatever
    /// --jobs is (the ticket window alone let them grow with the number of workers).
    @Test func memberBytesInFlightStayWithinTheBudget() throws {
        // 256 KiB of printable noise per member: not a submission, so each member is one quick reject.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var block = [UInt8](repeating: 0, count: 256 << 10)
        for index in block.indices {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            block[index] = 0x21 + UInt8(truncatingIfNeeded: state % 90)
        }
        var tar = TarWriter()
        for index in 0..<40 {
            block[0] = 0x41 + UInt8(index % 26)
            tar.addFile(name: "large-\(index).nc", contents: block)
        }
        tar.finish()
        let input = try write(tar, "large.nc.tar.gz")
        var options = PipelineOptions(output: OutputTree.temporaryFolder("budget-out"), jobs: 16)
        options.memberBytesInFlight = 1 << 20
        let report = try Pipeline(options: options).run(inputs: [input])
        #expect(report.sources[0].status == .committed)
        #expect(report.sources[0].rejects.values.reduce(0, +) == 40)
        #expect(report.peakMemberBytesInFlight > 0)
        #expect(report.peakMemberBytesInFlight <= 1 << 20)
    }
}
