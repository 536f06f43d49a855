import EdgarCompression
import EdgarSynth
import EdgarTestSupport
import Foundation
import Testing

/// A 60 MiB 10-K between ownership filings: it is read for its header only, so the process's peak RSS stays
/// below the member's own size (holding it once, let alone copying it, would exceed it).
@Suite struct LargeMemberMemoryTests {
    /// Runs edgar-etl and returns its exit status and its peak RSS in bytes: the VmHWM of its own address space
    /// (from /proc while it runs; it only grows, so the last reading is the peak up to a few ms before exit).
    /// wait4's ru_maxrss would not do: a child spawned from this test process inherits its high-water mark.
    static func runMeasured(_ arguments: [String]) throws -> (status: Int32, peakRSS: Int) {
        let process = try Binary.start("edgar-etl", arguments)
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            {
                peak = max(peak, kib * 1024)
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return (process.terminationStatus, peak)
    }

    @Test func aSixtyMebibyteTenKNeverShowsUpInMemory() throws {
        let folder = NSTemporaryDirectory() + "edgar-60mib-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var builder = FeedBuilder(seed: 60, filingDate: "20250213")
        var tar = TarWriter()
        let truth = builder.generate(count: 40) { name, bytes in tar.addFile(name: name, contents: bytes) }
        // The 10-K: an HTML annual report of 60 MiB (one paragraph over and over: only the size matters here).
        var member = Array("""
            <SUBMISSION>
            <ACCESSION-NUMBER>0000320193-25-000079
            <TYPE>10-K
            <PUBLIC-DOCUMENT-COUNT>2
            <PERIOD>20241231
            <FILING-DATE>20250213
            <FILER>
            <COMPANY-DATA>
            <CONFORMED-NAME>EXAMPLE CORP
            <CIK>0000320193
            </COMPANY-DATA>
            </FILER>
            <DOCUMENT>
            <TYPE>10-K
            <SEQUENCE>1
            <FILENAME>example-20241231.htm
            <TEXT>
            <html><body>

            """.utf8)
        let paragraph = Array("<p>Revenue for the year increased 12% compared with the prior year, driven by volume &amp; price.</p>\n".utf8)
        member.reserveCapacity(61 << 20)
        while member.count < 60 << 20 { member += paragraph }
        member += Array("</body></html>\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n".utf8)
        tar.addFile(name: "0000320193-25-000079.nc", contents: member)
        member = []
        var more = FeedBuilder(seed: 61, filingDate: "20250213")
        let after = more.generate(count: 40) { name, bytes in tar.addFile(name: name, contents: bytes) }
        tar.finish()
        let input = folder + "/20250213.nc.tar.gz"
        try Data(try Deflater.gzip(tar.bytes, level: 1)).write(to: URL(fileURLWithPath: input))

        let out = folder + "/out"
        let (status, peak) = try Self.runMeasured(["run", input, "--output", out, "--jobs", "1", "--readers", "1"])
        #expect(status == 0)
        #expect(peak > 0, "no reading of /proc/PID/status")
        #expect(peak < 60 << 20, "peak RSS \(peak >> 20) MiB: the 60 MiB member was held")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: out + "/_manifests")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/_manifests/" + manifests[0]))) as! [String: Any]
        var skipped = (truth.skippedByFormType).merging(after.skippedByFormType, uniquingKeysWith: +)
        skipped["10-K", default: 0] += 1
        #expect(manifest["skipped"] as? [String: Int] == skipped)
        #expect(manifest["filings"] as? Int == truth.ownershipCount + after.ownershipCount)
    }
}
