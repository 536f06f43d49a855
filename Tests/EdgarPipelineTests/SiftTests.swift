import EdgarCompression
import EdgarCore
import EdgarPipeline
import EdgarSynth
import Foundation
import Testing

/// Large submissions of other form types pass the reader with only their header held (`siftMembersAbove`); the
/// output must be exactly what holding them whole gives, down to the `skipped` counts.
@Suite struct SiftTests {
    /// A byte-realistic feed (10-Ks, N-PORTs, prospectuses with XBRL and binaries) with two large submissions
    /// that carry an ownership document among their exhibits: one typed `4`, one typed `EX-99` whose root is
    /// `ownershipDocument`. Both must come out as filings (the truth covers the generated members only).
    static func feed() throws -> (path: String, truth: FeedTruth) {
        let folder = OutputTree.temporaryFolder("sift-in")
        var builder = FeedBuilder(seed: 15, filingDate: "20250213", textRenderer: { TextLayoutRenderer.render($0) })
        var tar = TarWriter()
        let truth = builder.generate(count: 120, mix: .realistic) { name, bytes in tar.addFile(name: name, contents: bytes) }
        var rng = SplitMix64(seed: 1515)
        var generator = FilingGenerator(seed: 16)
        let date = CivilDate("20250213")!
        for (index, (type, exhibitType)) in [("10-K", "4"), ("10-Q", "EX-99")].enumerated() {
            var (header, documents) = LargeForms.make(type: type, bytes: 2_500_000, filingDate: date, rng: &rng)
            let ownership = generator.nextDocument(form: .form4)
            documents.insert(
                EnvelopeDocument(type: exhibitType, sequence: 90, filename: "ownership.xml", description: nil,
                                 body: .xml(XMLRenderer.render(ownership))),
                at: 1)
            let accession = "0000950170-25-00000\(index)"
            tar.addFile(name: "\(accession).nc", contents: EnvelopeRenderer.nc(
                accession: accession, filingDate: "20250213", documents: documents, header: header))
        }
        tar.finish()
        let path = folder + "/20250213.nc.tar.gz"
        try Data(try Deflater.gzip(tar.bytes, level: 1)).write(to: URL(fileURLWithPath: path))
        return (path, truth)
    }

    func run(_ path: String, siftAbove: Int) throws -> (RunReport, [String: [UInt8]], String) {
        let out = OutputTree.temporaryFolder("sift-out")
        var options = PipelineOptions(output: out, jobs: 2)
        options.readerLimits.siftMembersAbove = siftAbove
        let report = try Pipeline(options: options).run(inputs: [path])
        return (report, OutputTree.files(out), out)
    }

    @Test func siftingChangesNoOutputByteAndTheSkipCountsMatchTheTruth() throws {
        let (path, truth) = try Self.feed()
        let (whole, wholeTree, _) = try run(path, siftAbove: Int.max)
        // 64 KiB sifts every large submission (100 KB and up), and some of the small ones' neighbours.
        let (sifted, siftedTree, out) = try run(path, siftAbove: 64 << 10)
        #expect(sifted.sources[0].status == .committed)
        #expect(sifted.sources[0].skipped == truth.skippedByFormType)
        #expect(sifted.sources[0].filings == truth.ownershipCount + 2)
        #expect(sifted.sources[0].skipped == whole.sources[0].skipped)
        #expect(siftedTree.keys.sorted() == wholeTree.keys.sorted())
        for (file, bytes) in wholeTree where siftedTree[file] != bytes { Issue.record("\(file) differs when sifted") }
        // Only headers and the two ownership exhibits went to the workers, never a large member.
        #expect(sifted.peakMemberBytesInFlight < whole.peakMemberBytesInFlight)
        // The ownership exhibits of the 10-K and the 10-Q were kept.
        let accessions = Set(try OutputTree.rows(out, table: "filings").compactMap { $0["accession_number"] as? String })
        #expect(accessions.isSuperset(of: ["0000950170-25-000000", "0000950170-25-000001"]))
    }
}
