import EdgarCompression
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// The read side on the built binary (issue 11 items 3, 7, 8, 9-12 and list-inputs; issue 12 items 5-7 and
/// `a.zip ./a.zip`), on small generated inputs.
@Suite struct InputsCLITests {
    let folder = NSTemporaryDirectory() + "edgar-inputs-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    private func xml(_ seed: UInt64) -> [UInt8] {
        var generator = FilingGenerator(seed: seed)
        return Array(XMLRenderer.render(generator.nextDocument(form: .form4)).utf8)
    }

    @discardableResult
    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func manifests(_ out: String) throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests").sorted().map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + $0))) as! [String: Any]
        }
    }

    /// Every byte the run wrote under OUT, as text (parts are uncompressed with --compression none).
    private func outputText(_ out: String) -> String {
        var text = ""
        guard let paths = FileManager.default.enumerator(atPath: out) else { return text }
        for case let path as String in paths {
            if let data = FileManager.default.contents(atPath: out + "/" + path) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }

    @Test func oneFileByTwoPathsIsListedAndRunOnce() throws {
        var tar = TarWriter()
        tar.addFile(name: "f.xml", contents: xml(1))
        tar.finish()
        try write("a.zip", tar.bytes)
        let listed = try Binary.run("edgar-etl", ["list-inputs", "a.zip", "./a.zip"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout == "./a.zip\n")
        let out = folder + "/out-once"
        let run = try Binary.run("edgar-etl", ["run", "a.zip", "./a.zip", "--output", out], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try manifests(out).count == 1)
    }

    @Test func namesWithNewlinesAreEscapedOrNulSeparated() throws {
        try write("feed/plain.nc", Array("x".utf8))
        try write("feed/two\nlines.nc", Array("y".utf8))
        try write("feed/back\\slash.nc", Array("z".utf8))
        let escaped = try Binary.run("edgar-etl", ["list-inputs", "feed"], in: folder)
        #expect(escaped.stdout == "feed/back\\\\slash.nc\nfeed/plain.nc\nfeed/two\\nlines.nc\n")
        let nul = try Binary.run("edgar-etl", ["list-inputs", "-0", "feed"], in: folder)
        #expect(nul.stdout == "feed/back\\slash.nc\0feed/plain.nc\0feed/two\nlines.nc\0")
        // The escaped list reads back as the same three inputs.
        try write("list.txt", Array(escaped.stdout.utf8))
        let out = folder + "/out-list"
        let run = try Binary.run("edgar-etl", ["run", "--inputs-from", "list.txt", "--output", out], in: folder)
        #expect(!run.stderr.contains("No such file"), "\(run.stderr)")
        let paths = try manifests(out).compactMap { ($0["source"] as? [String: Any])?["path"] as? String }.sorted()
        #expect(paths == ["feed/back\\slash.nc", "feed/plain.nc", "feed/two\nlines.nc"])
    }

    /// `ln -s . d/a; ln -s . d/b` and `ln -s .. d/up`: the run ends, and reads each archive once.
    @Test func symlinkLoopsEndAndEachFileIsReadOnce() throws {
        try write("top/d/one.xml", xml(2))
        try write("top/two.xml", xml(3))
        for (target, name) in [(".", "top/d/a"), (".", "top/d/b"), ("..", "top/d/up")] {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: target)
        }
        let listed = try Binary.run("edgar-etl", ["list-inputs", "top"], in: folder)
        #expect(listed.stdout == "top/d/one.xml\ntop/two.xml\n")
        let out = folder + "/out-links"
        let run = try Binary.run("edgar-etl", ["run", "top/d", "--output", out], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try manifests(out).count == 2)
    }

    /// /proc files are refused unread: nothing of them reaches a reject excerpt, named or through a glob.
    @Test func procGlobCopiesNothingIntoTheOutput() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else {
            Issue.record("no /proc on this machine")
            return
        }
        let pipeline = try write("proc.yaml", Array("version: 1\ninputs: [\"/proc/self/stat*\"]\ncompression: none\n".utf8))
        let out = folder + "/out-proc"
        let run = try Binary.run("edgar-etl", ["run", "--pipeline", pipeline, "--output", out])
        #expect(run.status != 0)
        #expect(run.stderr.contains("pseudo-filesystem"), "\(run.stderr)")
        let text = outputText(out)
        for secret in ["VmRSS", "Tgid", "voluntary_ctxt_switches"] { #expect(!text.contains(secret)) }
    }

    /// Issue 12 item 5 and the per-input cap, on the binary: the good member after a bomb is committed.
    @Test func bombMemberIsSkippedAndTheCapGivesTheInputUp() throws {
        var tar = TarWriter()
        tar.addFile(name: "before.xml", contents: xml(4))
        tar.addFile(name: "bomb.xml", contents: [UInt8](repeating: 0, count: 16 << 20))
        tar.addFile(name: "after.xml", contents: xml(5))
        tar.finish()
        let input = try write("bomb.nc.tar.gz", try Deflater.gzip(tar.bytes, level: 9))
        let out = folder + "/out-bomb"
        // The ratio limit lowered so that the whole payload is past it, as a 2 GiB bomb is at the default.
        let run = try Binary.run(
            "edgar-etl", ["run", input, "--output", out, "--max-member-bytes", "1048576", "--max-compression-ratio", "100"])
        #expect(run.status == 3, "\(run.stderr)")
        let manifest = try #require(try manifests(out).first)
        #expect(manifest["filings"] as? Int == 2)
        #expect(manifest["rejects"] as? [String: Int] == ["member_too_large": 1])

        let capped = try Binary.run(
            "edgar-etl", ["run", input, "--output", folder + "/out-cap", "--max-member-bytes", "1048576", "--max-inflated-bytes", "4194304"])
        #expect(capped.status != 0 && capped.status != 3)
        #expect(capped.stderr.contains("4194304-byte cap"), "\(capped.stderr)")
    }

    /// Issue 11 item 11: a header claiming 30 GiB under a 64 GiB member limit used to abort the process.
    @Test func raisedMemberLimitAndALyingHeaderDoNotAbort() throws {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) { for (i, byte) in text.utf8.enumerated() { header[offset + i] = byte } }
        put("huge.nc", at: 0)
        put("0000644\0", at: 100)
        put(String(30 << 30, radix: 8) + "\0", at: 124)
        put("ustar\0", at: 257)
        header[156] = UInt8(ascii: "0")
        for i in 148..<156 { header[i] = 0x20 }
        put(String(header.reduce(0) { $0 + Int($1) }, radix: 8) + "\0", at: 148)
        let input = try write("claim.nc.tar.gz", try Deflater.gzip(header + Array("a few bytes".utf8)))
        let run = try Binary.run(
            "edgar-etl", ["run", input, "--output", folder + "/out-claim", "--max-member-bytes", String(64 << 30)])
        #expect(run.status == 4, "exit \(run.status): \(run.stderr)")
        #expect(!run.stderr.contains("failed to allocate"))
        #expect(run.stderr.contains("truncated") || run.stderr.contains("huge.nc"), "\(run.stderr)")
    }

    /// Issue 11 item 10: `validate` on a small alias bomb answers at once with a file:line error.
    @Test func validateRefusesAnAliasBomb() throws {
        var lines = ["version: 1", "a0: &a0 [x.nc, y.nc]"]
        for level in 1..<40 { lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        // Used as a mapping key, the alias made Yams hash all 2^40 nodes while composing (hashes find duplicates).
        lines.append("? *a39\n: x")
        let file = try write("bomb.yaml", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try Binary.run("edgar-etl", ["validate", file])
        #expect(result.status == 64)
        #expect(result.stdout.contains("bomb.yaml:"), "\(result.stdout)")
        #expect(result.stdout.contains("expands to more than"))
        #expect(result.stdout.utf8.count < 4096)
    }

    /// Issue 11 item 3: two `.tar.gz` files concatenated are read to the end (the second used to be dropped).
    @Test func concatenatedTarGzIsReadWhole() throws {
        var first = TarWriter()
        first.addFile(name: "day1/a.xml", contents: xml(7))
        first.finish()
        var second = TarWriter()
        second.addFile(name: "day2/b.xml", contents: xml(8))
        second.finish()
        let input = try write("cat.nc.tar.gz", try Deflater.gzip(first.bytes) + Deflater.gzip(second.bytes))
        let out = folder + "/out-cat"
        let run = try Binary.run("edgar-etl", ["run", input, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try manifests(out).first?["filings"] as? Int == 2)
    }

    /// Issue 11 item 4: one filing three times in an input is one filing and two `duplicate_filing` rejects.
    @Test func repeatedFilingIsKeptOnce() throws {
        var tar = TarWriter()
        for name in ["a/form4.xml", "b/form4.xml", "c/form4.xml"] { tar.addFile(name: name, contents: xml(9)) }
        tar.finish()
        let input = try write("dup.nc.tar.gz", try Deflater.gzip(tar.bytes))
        let out = folder + "/out-dup"
        let run = try Binary.run("edgar-etl", ["run", input, "--output", out])
        #expect(run.status == 3, "\(run.stderr)")
        let manifest = try #require(try manifests(out).first)
        #expect(manifest["filings"] as? Int == 1)
        #expect(manifest["rejects"] as? [String: Int] == ["duplicate_filing": 2])
    }

    /// Issue 11 item 9: 200 directory entries over one deflate stream: one member read, 199 refused, and
    /// nothing inflated twice.
    @Test func overlappingZipEntriesAreRefused() throws {
        let payload = xml(10)
        let deflated = try Deflater.compress(payload, format: .raw, level: 9)
        let crc = Int(CRC32.checksum(payload))
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xffff) + le16(v >> 16 & 0xffff) }
        let name = Array("form4.xml".utf8)
        let local = le32(0x0403_4b50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
            + le32(deflated.count) + le32(payload.count) + le16(name.count) + le16(0) + name + deflated
        var central: [UInt8] = []
        for index in 0..<200 {
            let entry = Array("copy-\(index).xml".utf8)
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
            central += le32(deflated.count) + le32(payload.count) + le16(entry.count) + le16(0) + le16(0) + le16(0)
            central += le16(0) + le32(0) + le32(0) + entry
        }
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(200) + le16(200) + le32(central.count)
            + le32(local.count) + le16(0)
        let input = try write("overlap.zip", local + central + end)
        let out = folder + "/out-overlap"
        let run = try Binary.run("edgar-etl", ["run", input, "--output", out])
        #expect(run.status == 3, "\(run.stderr)")
        let manifest = try #require(try manifests(out).first)
        #expect(manifest["filings"] as? Int == 1)
        #expect(manifest["rejects"] as? [String: Int] == ["corrupt_archive": 199])
    }
}
