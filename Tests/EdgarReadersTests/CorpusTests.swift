import EdgarCompression
import EdgarReaders
import EdgarTestSupport
import Testing

@Suite struct CorpusTests {
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func realFeedFilesComeOutOfATarGzByteForByte() throws {
        let files = Corpus.files(in: "real/nc", extensions: ["nc"])
        #expect(!files.isEmpty)
        var tar = TarBuilder()
        var expected: [(String, [UInt8])] = []
        for url in files {
            let bytes = try Corpus.bytes(url)
            let name = "20250213/" + url.lastPathComponent
            tar.file(name, bytes)
            expected.append((name, bytes))
        }
        tar.end()
        let dir = try TempDir()
        defer { dir.remove() }
        let out = readAll(try dir.write("20250213.nc.tar.gz", try Deflater.gzip(tar.bytes)), label: "20250213.nc.tar.gz")
        expectMembers(out.members, expected, archive: "20250213.nc.tar.gz")
        #expect(out.rejects.isEmpty)
        #expect(out.summary.failure == nil)
    }
}
