import EdgarSynth
import Foundation
import Testing

@Suite("Synth tar and zip writers")
struct SynthArchiveWriterTests {
    @Test func tarIsListedAndExtractedByGNUTar() throws {
        let tarPath = "/usr/bin/tar"
        try #require(FileManager.default.isExecutableFile(atPath: tarPath), "needs /usr/bin/tar")
        let dir = try SynthScratch.directory("tar")
        defer { try? FileManager.default.removeItem(at: dir) }
        let longName = "deep/" + String(repeating: "a", count: 60) + "/" + String(repeating: "b", count: 60) + "/0001127602-25-004598.nc"
        #expect(longName.utf8.count > 100)
        let files: [(String, [UInt8])] = [
            ("0001127602-25-004598.nc", Array("<SUBMISSION>\nhello\n</SUBMISSION>\n".utf8)),
            (longName, Array(repeating: 0x41, count: 1_300)),
            ("empty.txt", []),
            ("exactly512.bin", Array(repeating: 7, count: 512)),
        ]
        var tar = TarWriter(mtime: 1_068_595_200)
        tar.addDirectory(name: "deep")
        for (name, bytes) in files { tar.addFile(name: name, contents: bytes) }
        tar.addSymlink(name: "link.nc", target: "0001127602-25-004598.nc")
        tar.finish()
        #expect(tar.bytes.count % 512 == 0)
        #expect(tar.bytes.suffix(1024).allSatisfy { $0 == 0 })
        let archive = dir.appendingPathComponent("t.tar")
        try Data(tar.bytes).write(to: archive)

        let listing = try SynthScratch.run(tarPath, ["-tvf", archive.path])
        #expect(listing.status == 0, "\(listing.output)")
        for (name, bytes) in files {
            let line = listing.output.split(separator: "\n").first { $0.hasSuffix(" " + name) }
            #expect(line != nil, "\(name) missing from:\n\(listing.output)")
            #expect(line?.contains(" \(bytes.count) ") == true, "size of \(name) in \(String(describing: line))")
        }
        #expect(listing.output.contains("deep/"))
        #expect(listing.output.contains("link.nc -> 0001127602-25-004598.nc"))

        let out = dir.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let extract = try SynthScratch.run(tarPath, ["-xf", archive.path, "-C", out.path])
        #expect(extract.status == 0, "\(extract.output)")
        for (name, bytes) in files {
            #expect([UInt8](try Data(contentsOf: out.appendingPathComponent(name))) == bytes, "\(name)")
        }
    }

    @Test(arguments: [false, true])
    func zipPassesIntegrityTest(zip64: Bool) throws {
        let dir = try SynthScratch.directory("zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        var zip = ZipWriter(forceZip64: zip64)
        var generator = FilingGenerator(seed: 11)
        var expected: [(String, [UInt8])] = []
        for (i, form) in FormKind.allCases.enumerated() {
            let xml = Array(XMLRenderer.render(generator.nextDocument(form: form)).utf8)
            let name = "000112760\(i)-25-00459\(i).xml"
            try zip.addFile(name: name, contents: xml, method: i % 2 == 0 ? .deflate : .stored)
            expected.append((name, xml))
        }
        try zip.addFile(name: "empty.xml", contents: [], method: .deflate)
        expected.append(("empty.xml", []))
        let path = dir.appendingPathComponent("a.zip")
        try Data(zip.finish()).write(to: path)

        if let unzip = SynthScratch.executable(["/usr/bin/unzip", "/bin/unzip"]) {
            let test = try SynthScratch.run(unzip, ["-t", path.path])
            #expect(test.status == 0, "\(test.output)")
            #expect(test.output.contains("No errors detected"))
            let out = dir.appendingPathComponent("x")
            let extract = try SynthScratch.run(unzip, ["-q", path.path, "-d", out.path])
            #expect(extract.status == 0, "\(extract.output)")
            for (name, bytes) in expected {
                #expect([UInt8](try Data(contentsOf: out.appendingPathComponent(name))) == bytes, "\(name)")
            }
        }
        if let python = SynthScratch.python {
            let test = try SynthScratch.run(python, ["-m", "zipfile", "-t", path.path])
            #expect(test.status == 0, "\(test.output)")
            #expect(!test.output.contains("Bad"))
        }
        #expect(SynthScratch.executable(["/usr/bin/unzip", "/bin/unzip"]) != nil || SynthScratch.python != nil,
                "neither unzip nor python3 found: the zip was not checked")
    }
}
