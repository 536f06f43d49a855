import EdgarPipeline
import Testing

/// Issue 11 item 10: YAML aliases that expand exponentially, and one huge value, are refused with a
/// file:line error before anything walks the expansion (`validate` on 114 KB used 630 MB and printed 200 MB).
@Suite(.timeLimit(.minutes(1))) struct PipelineFileBombTests {
    private func decodeError(_ yaml: String) -> PipelineFileError? {
        do throws(PipelineFileError) {
            _ = try PipelineFileLoader.decode(yaml: yaml, file: "bomb.yaml", environment: [:])
            return nil
        } catch {
            return error
        }
    }

    /// 32 lines whose aliases double at each level: 2^30 inputs once expanded.
    private func laughs(levels: Int = 30, use: String) -> String {
        var lines = ["version: 1", "a0: &a0 [feed.nc.tar.gz, other.nc.tar.gz]"]
        for level in 1..<levels { lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        lines.append(use)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aliasAmplificationIsRefusedWithALine() throws {
        let error = try #require(decodeError(laughs(use: "inputs: *a29")))
        #expect(error.message.contains("expands to more than 1048576"))
        #expect(error.line >= 2 && error.line <= 32)
        #expect(error.description.hasPrefix("bomb.yaml:\(error.line):"))
    }

    /// An alias as a mapping key: Yams hashes keys to find duplicates, so the expansion must be caught
    /// whichever way it is used.
    @Test func aliasAmplificationAsAKeyIsRefused() throws {
        let error = try #require(decodeError(laughs(levels: 24, use: "? *a23\n: x")))
        #expect(error.message.contains("expands to more than") || error.message.contains("unknown key"))
    }

    @Test func aScalarLongerThanTheLimitIsRefused() throws {
        let long = String(repeating: "x", count: 70_000)
        let error = try #require(decodeError("version: 1\ninputs:\n  - ok.nc\n  - \(long)\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("longer than the 65536-byte limit"))
    }

    /// Ordinary use of anchors and aliases (a shared list) still decodes.
    @Test func modestAliasesStillDecode() throws {
        let yaml = "version: 1\nshared: &feeds [a.nc.tar.gz, b.nc.tar.gz]\ninputs: *feeds\n"
        let error = decodeError(yaml)
        // `shared` is not a key of the format: the alias itself is fine, the unknown key is the only complaint.
        #expect(error?.message == "unknown key")
    }
}
