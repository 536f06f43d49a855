import EdgarCompression
import EdgarCore
import EdgarSynth
import Foundation
import Testing

@Suite("Synth daily feed")
struct SynthFeedTests {
    @Test func sameSeedGivesByteIdenticalArchives() throws {
        var a = FeedBuilder(seed: 1, filingDate: "20031112")
        var b = FeedBuilder(seed: 1, filingDate: "20031112")
        var c = FeedBuilder(seed: 2, filingDate: "20031112")
        let first = try a.tarGz(count: 300)
        let second = try b.tarGz(count: 300)
        let other = try c.tarGz(count: 300)
        #expect(first.bytes == second.bytes)
        #expect(first.bytes != other.bytes)
        #expect(first.truth.members.map(\.accession) == second.truth.members.map(\.accession))

        // The streaming file writer produces the same bytes as the in-memory one.
        let dir = try SynthScratch.directory("feed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("20031112.nc.tar.gz").path
        var d = FeedBuilder(seed: 1, filingDate: "20031112")
        _ = try d.writeTarGz(to: path, count: 300)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == first.bytes)

        var zipA = ZipWriter(), zipB = ZipWriter()
        var genA = FilingGenerator(seed: 4), genB = FilingGenerator(seed: 4)
        for _ in 0..<20 {
            try zipA.addFile(name: "a.xml", contents: Array(XMLRenderer.render(genA.nextDocument(form: .form4)).utf8))
            try zipB.addFile(name: "a.xml", contents: Array(XMLRenderer.render(genB.nextDocument(form: .form4)).utf8))
        }
        #expect(zipA.finish() == zipB.finish())
    }

    @Test func quotasAreExactAndSumToCount() {
        for count in [0, 1, 7, 100, 999, 2_000] {
            let q = FeedMix.standard.quotas(count: count)
            #expect(q.values.reduce(0, +) == count)
        }
        let q = FeedMix.standard.quotas(count: 2_000)
        #expect(q[.form4] == 1_700 && q[.textLayout] == 100 && q[.other] == 100)
        #expect(q[.form3] == 50 && q[.form4A] == 24 && q[.form5] == 16 && q[.form3A] == 6 && q[.form5A] == 4)
    }

    @Test func archiveMembersMatchTheTruth() throws {
        let count = 1_000
        var builder = FeedBuilder(seed: 20_031_112, filingDate: "20031112")
        let (bytes, truth) = try builder.tarGz(count: count)
        #expect(truth.countsByKind == FeedMix.standard.quotas(count: count))
        #expect(truth.members.count == count)
        #expect(truth.countsByFormType["4"] == 850 + 50, "Form 4 XML plus the text-layout share, rendered as XML without a renderer")
        #expect(truth.textLayoutCount == 0)
        #expect(truth.members.filter { $0.kind == .textLayout }.allSatisfy { $0.layout == .xml && $0.formType == "4" })
        #expect(truth.skippedByFormType.values.reduce(0, +) == 50)
        #expect(truth.ownershipCount == 950)

        let accessions = truth.members.map(\.accession)
        #expect(Set(accessions).count == count, "accession numbers are unique")
        #expect(accessions.allSatisfy { $0.wholeMatch(of: /\d{10}-03-\d{6}/) != nil })

        // Read the archive back with the system tar and compare member by member.
        let dir = try SynthScratch.directory("members")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("feed.tar")
        try Data(bytes.withUnsafeBytes { try Inflater.inflateAll($0, format: .gzip) }).write(to: archive)
        let out = dir.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let extract = try SynthScratch.run("/usr/bin/tar", ["-xf", archive.path, "-C", out.path])
        #expect(extract.status == 0, "\(extract.output)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == Set(truth.members.map(\.name)))
        var sizes: [Int] = []
        for member in truth.members {
            let raw = [UInt8](try Data(contentsOf: out.appendingPathComponent(member.name)))
            sizes.append(raw.count)
            let lf = String(decoding: raw.lfLineEnds, as: UTF8.self)
            let lines = lf.split(separator: "\n")
            #expect(lines[1] == "<ACCESSION-NUMBER>\(member.accession)" && lines[2] == "<TYPE>\(member.formType)")
            #expect(raw.contains(Array("\r".utf8)) == (member.lineEnding != .lf))
            if let doc = member.document {
                let xml = try #require(Array(lf.utf8).between("<XML>\n", "</XML>"))
                #expect(String(decoding: xml, as: UTF8.self) == XMLRenderer.render(doc))
                #expect(doc.documentType == member.formType)
            }
        }
        sizes.sort()
        #expect((3_000...20_000).contains(sizes[sizes.count / 2]), "median member \(sizes[sizes.count / 2]) bytes")
        #expect(truth.members.contains { $0.lineEnding == .cr } && truth.members.contains { $0.lineEnding == .crlf })
        #expect(truth.members.contains { $0.attachmentTypes.contains("EX-24") })
        #expect(truth.members.contains { $0.attachmentTypes.contains("GRAPHIC") })
        #expect(truth.members.contains { !$0.isOwnership && $0.attachmentTypes.contains("INFORMATION TABLE") })
    }

    @Test func injectedTextRendererWritesPlainTextDocuments() throws {
        var builder = FeedBuilder(seed: 3, filingDate: "20031112") { doc in
            "FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\(doc.issuer.name ?? "")\n"
        }
        var members: [String: [UInt8]] = [:]
        let truth = builder.generate(count: 200, mix: FeedMix(weights: [(.textLayout, 1), (.form4, 1)])) { name, bytes in
            members[name] = bytes
        }
        #expect(truth.textLayoutCount == 100)
        for member in truth.members {
            let bytes = try #require(members[member.name]).lfLineEnds
            let primary = try #require(bytes.between("<DOCUMENT>", "</DOCUMENT>"))
            if member.kind == .textLayout {
                #expect(member.layout == .text && member.document?.layout == .text)
                #expect(primary.contains("<TYPE>4\n") && primary.contains("<TEXT>\nFORM 4\n") && !primary.contains("<XML>"))
            } else {
                #expect(member.layout == .xml && primary.contains("<XML>"))
            }
        }
    }
}
