import EdgarSynth
import Foundation

/// A zip of loose ownership XML files, the shape `edgar-gen zip` writes.
enum ZipFixture {
    static func write(to path: String, seed: UInt64, count: Int) throws {
        var builder = FeedBuilder(seed: seed, filingDate: "20031112")
        var zip = ZipWriter()
        var written = 0
        while written < count {
            let submission = builder.nextSubmission(kind: .form4)
            guard let document = submission.document else { continue }
            try zip.addFile(name: "\(submission.accession).xml", contents: Array(XMLRenderer.render(document).utf8))
            written += 1
        }
        try Data(zip.finish()).write(to: URL(fileURLWithPath: path))
    }
}
