import EdgarCore
import EdgarPipeline
import EdgarReaders
import EdgarTransformers
import EdgarWriters
import Foundation
import Testing

/// Values, paths, globs and precedence of pipeline files.
@Suite struct PipelineFileDecodingTests {
    func decode(_ yaml: String, base: String? = nil, environment: [String: String] = [:]) throws -> PipelineFile {
        try PipelineFileLoader.decode(yaml: yaml, file: "test.yaml", baseDirectory: base, environment: environment)
    }

    @Test func everyKeyDecodes() throws {
        let file = try decode("""
            version: 1
            inputs: [/data/a.nc.tar.gz, b.zip]
            output: out
            forms: [5/a, 3, amendments]
            partition: none
            compression: none
            compression_level: 9
            jobs: 256
            batch_size: 64
            limits:
              max_member_bytes: 1 GiB
              max_compression_ratio: 2
              max_xml_depth: 8
              max_document_bytes: 2048
              max_inflated_bytes: 2 TiB
            rejects:
              on_truncated: keep
              max_rejects: 0
            """)
        #expect(file == PipelineFile(
            inputs: ["/data/a.nc.tar.gz", "b.zip"], output: "out", forms: ["3", "3/A", "4/A", "5/A"],
            partition: PartitionGranularity.none, compression: Compression.none, compressionLevel: 9, jobs: 256, batchSize: 64,
            limits: .init(
                maxMemberBytes: 1 << 30, maxCompressionRatio: 2, maxXMLDepth: 8, maxDocumentBytes: 2048,
                maxInflatedBytes: 2 << 40),
            rejects: .init(onTruncated: .keep, maxRejects: 0)))
    }

    /// `readers` and `rejects.max_reject_ratio`, keys since the CLI and the files share one option list, reach the
    /// run's options through `apply`, like every other key.
    @Test func readersAndRejectRatio() throws {
        let file = try decode("version: 1\nreaders: 3\nrejects:\n  max_reject_ratio: 0.05\n  max_rejects: 7\n")
        #expect(file.readers == 3 && file.rejects.maxRejectRatio == 0.05)
        var options = PipelineOptions(output: "out")
        file.apply(to: &options)
        #expect(options.readers == 3 && options.maxRejectRatio == 0.05 && options.maxRejects == 7)
        #expect(try decode("version: 1\nrejects: {max_reject_ratio: 1}\n").rejects.maxRejectRatio == 1)
        #expect(throws: PipelineFileError.self) { try decode("version: 1\nrejects: {max_reject_ratio: 1.5}\n") }
        #expect(throws: PipelineFileError.self) { try decode("version: 1\nrejects: {max_reject_ratio: \"0.1\"}\n") }
        #expect(throws: PipelineFileError.self) { try decode("version: 1\nreaders: 65\n") }
    }

    /// The flags are checked against the keys' ranges, so both accept the same values.
    @Test func flagChecksUseTheKeysRanges() {
        #expect(PipelineFileSchema.flagProblem("jobs", 256) == nil)
        #expect(PipelineFileSchema.flagProblem("jobs", 257) == "--jobs must be between 1 and 256")
        #expect(PipelineFileSchema.flagProblem("limits.max_xml_depth", 7) == "--max-xml-depth must be at least 8")
        #expect(PipelineFileSchema.flagProblem("rejects.max_rejects", -1) == "--max-rejects must be at least 0")
        #expect(PipelineFileSchema.key("readers").type == "integer 1-64")
    }

    @Test func sizeUnits() throws {
        for (written, bytes) in [("1024", 1024), ("64MiB", 64 << 20), ("3 KiB", 3072), ("2GiB", 2 << 30), ("1TiB", 1 << 40), ("4096B", 4096)] {
            let file = try decode("version: 1\nlimits:\n  max_member_bytes: \(written)\n")
            #expect(file.limits.maxMemberBytes == bytes, "\(written)")
        }
    }

    @Test func formGroupsAndAllMeanNoFilter() throws {
        #expect(try decode("version: 1\nforms: [all]\n").forms == nil)
        #expect(try decode("version: 1\nforms: [3, 3/A, 4, 4/A, 5, 5/A]\n").forms == nil)
        #expect(try decode("version: 1\nforms: [4, 4, 4/A]\n").forms == ["4", "4/A"])
    }

    @Test func relativePathsAreTakenFromTheFilesFolder() throws {
        let file = try decode("version: 1\ninputs: [../samples/x.zip, /abs/y.zip, ./z]\noutput: ../out/a\n", base: "/repo/pipelines")
        #expect(file.inputs == ["/repo/samples/x.zip", "/abs/y.zip", "/repo/pipelines/z"])
        #expect(file.output == "/repo/out/a")
        // Without a folder (decode of a string), paths stay as written.
        #expect(try decode("version: 1\ninputs: [../x]\n").inputs == ["../x"])
    }

    @Test func environmentReferences() throws {
        let yaml = "version: 1\ninputs: ['/feed/${FEED_DATE:-20031112}.nc.tar.gz']\noutput: ${ROOT}/out\n"
        let defaulted = try decode(yaml, environment: ["ROOT": "/w"])
        #expect(defaulted.inputs == ["/feed/20031112.nc.tar.gz"])
        #expect(defaulted.output == "/w/out")
        let given = try decode(yaml, environment: ["ROOT": "/w", "FEED_DATE": "20240102"])
        #expect(given.inputs == ["/feed/20240102.nc.tar.gz"])
    }

    @Test func globsExpandSortedAndUnmatchedOnesAreKept() throws {
        let folder = OutputTree.temporaryFolder("glob")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["20031113.nc.tar.gz", "20031112.nc.tar.gz", "notes.txt", "20031201.nc.tar.gz"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        let file = try decode("version: 1\ninputs:\n  - 200311*.nc.tar.gz\n  - notes.txt\n  - 1999*.nc.tar.gz\n", base: folder)
        #expect(file.inputs == [
            folder + "/20031112.nc.tar.gz", folder + "/20031113.nc.tar.gz", folder + "/notes.txt", folder + "/1999*.nc.tar.gz",
        ])
        #expect(file.unmatchedGlobs == [folder + "/1999*.nc.tar.gz"])

        let pipeline = folder + "/p.yaml"
        try "version: 1\ninputs: ['2003????.nc.tar.gz', '1999*']\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
        let verdict = try #require(ValidateSupport.validate(paths: [pipeline], environment: [:]).first)
        #expect(verdict.isValid)
        #expect(verdict.file?.inputs.count == 4)
        #expect(verdict.text == """
            \(pipeline): OK (4 inputs, forms all)
            \(pipeline): warning: inputs: nothing matches \(folder)/1999* (yet); the run will report it as unreadable

            """)
    }

    @Test func applyThenExplicitFlagsWin() throws {
        let file = try decode("""
            version: 1
            output: /from/file
            jobs: 2
            compression: none
            compression_level: 1
            partition: day
            forms: [4]
            batch_size: 8
            limits: {max_member_bytes: 1MiB, max_compression_ratio: 10, max_xml_depth: 9, max_document_bytes: 4KiB}
            rejects: {on_truncated: keep}
            """)
        var options = PipelineOptions(output: "default", jobs: 7)
        file.apply(to: &options)
        #expect(options.output == "/from/file")
        #expect(options.jobs == 2)
        #expect(options.compression == .none)
        #expect(options.compressionLevel == 1)
        #expect(options.granularity == .day)
        #expect(options.forms == FormFilter(accepted: ["4"]))
        #expect(options.batchSize == 8)
        #expect(options.readerLimits == .init(maxMemberBytes: 1 << 20, maxCompressionRatio: 10))
        #expect(options.xmlLimits == .init(maxDepth: 9, maxDocumentBytes: 4096))
        #expect(options.onTruncated == .keep)
        // The CLI then applies only the flags the user typed: they override the file.
        options.jobs = 1
        options.output = "/from/flag"
        #expect(options.jobs == 1 && options.output == "/from/flag" && options.granularity == .day)

        // A file that says nothing leaves every option alone.
        var untouched = PipelineOptions(output: "keep", jobs: 3)
        try decode("version: 1\n").apply(to: &untouched)
        #expect(untouched.output == "keep" && untouched.jobs == 3 && untouched.compressionLevel == PipelineOptions(output: "x").compressionLevel)
        #expect(untouched.forms == .all && untouched.granularity == .month && untouched.onTruncated == .skip)
    }
}
