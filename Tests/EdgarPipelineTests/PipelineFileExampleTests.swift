import EdgarCore
import EdgarPipeline
import EdgarTestSupport
import Foundation
import Testing

/// The shipped pipelines/*.yaml: each decodes, validates and runs on the bundled samples as documented.
@Suite struct PipelineFileExampleTests {
    static let folder = Corpus.packageRoot.appendingPathComponent("pipelines").path
    static let names = ["nightly.yaml", "reprocess-history.yaml", "warehouse-feed.yaml"]

    /// No FEED_DATE etc.: the files must run as shipped.
    static let cleanEnvironment: [String: String] = [:]

    /// Every "level N" said about a file (its comments, its line in pipelines/README.md) is the level it sets, or
    /// the default where it sets none or says "default level N"; "fast" only goes with the default level.
    @Test(arguments: names) func commentsAgreeWithTheSettingsAndTheDefaults(name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        let readme = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
        let defaults = PipelineOptions(output: "unused")
        let setting = text.split(separator: "\n").first { $0.hasPrefix("compression_level:") }
            .flatMap { Int32($0.dropFirst("compression_level:".count).trimmingCharacters(in: .whitespaces)) }
        let level = setting ?? defaults.compressionLevel
        let comments = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            + readme.split(separator: "\n").filter { $0.hasPrefix("| `\(name)`") }
        for line in comments {
            let words = line.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            for (i, word) in words.enumerated().dropLast() where word == "level" {
                guard let said = Int32(words[i + 1]) else { continue }
                let expected = i > 0 && words[i - 1] == "default" ? defaults.compressionLevel : level
                #expect(said == expected, "\(name): \"\(line)\" says level \(said), the file gives \(expected)")
            }
            if line.contains("fast") && line.contains("compression") {
                #expect(level == defaults.compressionLevel, "\(name): \"\(line)\" but level \(level)")
            }
        }
        if setting == nil, text.contains("left at its default") {
            #expect(defaults.granularity == .month && text.contains("month partitions"))
        }
    }

    @Test func theFolderHoldsExactlyTheDocumentedExamples() throws {
        let yaml = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".yaml") }
        #expect(yaml.sorted() == Self.names)
    }

    @Test(arguments: names) func decodesAndValidates(name: String) throws {
        let path = Self.folder + "/" + name
        let verdict = try #require(ValidateSupport.validate(paths: [path], environment: Self.cleanEnvironment).first)
        #expect(verdict.isValid, "\(verdict.text)")
        #expect(verdict.warnings.isEmpty, "\(verdict.warnings)")
        #expect(verdict.text.hasPrefix("\(path): OK ("))
        let file = try #require(verdict.file)
        #expect(!file.inputs.isEmpty)
        #expect(file.unmatchedGlobs.isEmpty)
        // Relative paths are taken from pipelines/, so every input lands in samples/.
        let samples = Corpus.packageRoot.appendingPathComponent("samples").path
        for input in file.inputs { #expect(input.hasPrefix(samples), "\(input)") }
        #expect(file.output?.hasPrefix(Corpus.packageRoot.appendingPathComponent("out").path) == true)
    }

    @Test func eachFileSetsWhatItsCommentsSay() throws {
        let nightly = try load("nightly.yaml")
        #expect(nightly == PipelineFile(
            inputs: [Corpus.packageRoot.appendingPathComponent("samples/20031112.nc.tar.gz").path],
            output: Corpus.packageRoot.appendingPathComponent("out/nightly").path))

        let history = try load("reprocess-history.yaml")
        #expect(history.jobs == 2)
        #expect(history.partition == .year)
        #expect(history.rejects.onTruncated == .keep)
        #expect(history.limits == PipelineFile.Limits(
            maxMemberBytes: 256 << 20, maxCompressionRatio: 5000, maxXMLDepth: 64, maxDocumentBytes: 256 << 20))

        let feed = try load("warehouse-feed.yaml")
        #expect(feed.forms == ["4", "4/A"])
        #expect(feed.partition == .day)
        #expect(feed.compression == .gzip)
        #expect(feed.compressionLevel == 6)
        #expect(feed.rejects.maxRejects == 25)
        // The glob takes every bundled feed (2003, and 2026 with schema X0609), sorted.
        let feeds = try FileManager.default.contentsOfDirectory(
            atPath: Corpus.packageRoot.appendingPathComponent("samples").path
        ).filter { $0.hasSuffix(".nc.tar.gz") }.sorted()
        #expect(feeds.contains("20031112.nc.tar.gz"))
        #expect(feed.inputs.map { ($0 as NSString).lastPathComponent } == feeds + ["loose-xml.zip"])
    }

    @Test(arguments: names) func runsOnTheSamplesAndCommits(name: String) throws {
        let file = try load(name)
        let out = OutputTree.temporaryFolder("pipeline-\(name)")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var options = PipelineOptions(output: "unused", jobs: 2)
        file.apply(to: &options)
        options.output = out  // an explicit --output wins over the file's
        let report = try Pipeline(options: options).run(inputs: file.inputs)
        #expect(report.allCommitted)
        #expect(report.sources.count >= file.inputs.count)
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        let forms = Set(try OutputTree.rows(out, table: "filings").compactMap { $0["form_type"] as? String })
        #expect(!forms.isEmpty)
        if let wanted = file.forms {
            #expect(forms.isSubset(of: Set(wanted)), "\(forms)")
            #expect(forms.contains("4"))
        } else {
            #expect(forms.isSuperset(of: ["3", "4", "5"]), "\(forms)")
        }
        let partitions = OutputTree.files(out).keys.filter { $0.hasPrefix("filings/") }
        switch file.partition ?? .month {
        case .day: #expect(partitions.allSatisfy { $0.contains("/day=") })
        case .year: #expect(partitions.allSatisfy { $0.contains("year=") && !$0.contains("month=") })
        default: #expect(partitions.allSatisfy { $0.contains("/month=") && !$0.contains("day=") })
        }
        if let maxRejects = file.rejects.maxRejects { #expect(report.rejects <= maxRejects) }
    }

    @Test func readmeDocumentsEveryKeyTheDecoderKnows() throws {
        let readme = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
        let keysSection = try #require(readme.range(of: "## Keys")).upperBound
        let documented = readme[keysSection...].split(separator: "\n").filter { $0.hasPrefix("| `") }.map {
            String($0.dropFirst(3).prefix { $0 != "`" })
        }
        #expect(documented == PipelineFileSchema.keys.map(\.path))
        let text = PipelineFileLoader.documentation()
        for key in PipelineFileSchema.keys { #expect(text.contains("\n  \(key.path)\n"), "\(key.path)") }
    }

    private func load(_ name: String) throws -> PipelineFile {
        try PipelineFileLoader.load(path: Self.folder + "/" + name, environment: Self.cleanEnvironment)
    }
}
