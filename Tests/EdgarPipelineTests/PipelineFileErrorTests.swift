import EdgarPipeline
import Testing

/// Strict decoding: every mistake is an error with the exact file, line, column, key path and advice.
@Suite struct PipelineFileErrorTests {
    func decodeError(_ yaml: String, file: String = "pipelines/nightly.yaml") -> PipelineFileError? {
        do throws(PipelineFileError) {
            _ = try PipelineFileLoader.decode(yaml: yaml, file: file, environment: [:])
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownKeyNamesLineColumnPathAndTheNearestKey() throws {
        let yaml = """
            version: 1
            inputs: [a.nc.tar.gz]
            limits:
              max_member_bytes: 64MiB
              max_member_byts: 1GiB
            """
        let error = try #require(decodeError(yaml))
        #expect(error.description == "pipelines/nightly.yaml:5:3: limits.max_member_byts: unknown key; did you mean max_member_bytes?")
        #expect(error.line == 5 && error.column == 3)
        #expect(error.keyPath == "limits.max_member_byts")
        #expect(error.message == "unknown key")
        #expect(error.suggestion == "did you mean max_member_bytes?")
    }

    @Test func unknownKeyFarFromAnyKnownKeyListsTheKnownOnes() throws {
        let error = try #require(decodeError("version: 1\nrejects:\n  policy: skip\n"))
        #expect(error.description == "pipelines/nightly.yaml:3:3: rejects.policy: unknown key; expected one of on_truncated, max_rejects, max_reject_ratio")
    }

    @Test func misspeltTopLevelKey() throws {
        let error = try #require(decodeError("version: 1\ncompresion: gzip\n"))
        #expect(error.description == "pipelines/nightly.yaml:2:1: compresion: unknown key; did you mean compression?")
    }

    @Test func stringWhereAnIntegerBelongs() throws {
        #expect(decodeError("version: 1\njobs: two\n")?.description
            == "pipelines/nightly.yaml:2:7: jobs: expected an integer from 1 to 256, found two")
        #expect(decodeError("version: 1\njobs: \"4\"\n")?.description
            == "pipelines/nightly.yaml:2:7: jobs: expected an integer from 1 to 256, found the string \"4\"; remove the quotes")
        #expect(decodeError("version: 1\njobs: [1]\n")?.description
            == "pipelines/nightly.yaml:2:7: jobs: expected an integer from 1 to 256, found a list")
        #expect(decodeError("version: 1\njobs:\n")?.description
            == "pipelines/nightly.yaml:2:6: jobs: expected an integer from 1 to 256, found no value")
    }

    @Test func valuesOutOfRange() throws {
        #expect(decodeError("version: 1\njobs: 300\n")?.description
            == "pipelines/nightly.yaml:2:7: jobs: 300 is out of range; expected an integer from 1 to 256")
        #expect(decodeError("version: 1\ncompression_level: 0\n")?.description
            == "pipelines/nightly.yaml:2:20: compression_level: 0 is out of range; expected an integer from 1 to 9")
        #expect(decodeError("version: 1\nrejects: {max_rejects: -1}\n")?.description
            == "pipelines/nightly.yaml:2:24: rejects.max_rejects: -1 is out of range; expected an integer of at least 0")
    }

    @Test func badEnumValueOffersTheNearestValue() throws {
        #expect(decodeError("version: 1\ncompression: gzp\n")?.description
            == "pipelines/nightly.yaml:2:14: compression: bad value \"gzp\"; expected gzip or none; did you mean gzip?")
        #expect(decodeError("version: 1\npartition: weekly\n")?.description
            == "pipelines/nightly.yaml:2:12: partition: bad value \"weekly\"; expected day, month, year or none")
        #expect(decodeError("version: 1\nrejects:\n  on_truncated: keeep\n")?.description
            == "pipelines/nightly.yaml:3:17: rejects.on_truncated: bad value \"keeep\"; expected skip or keep; did you mean keep?")
    }

    @Test func badFormAndEmptyList() throws {
        #expect(decodeError("version: 1\nforms: [4, 4A]\n")?.description
            == "pipelines/nightly.yaml:2:12: forms[1]: unknown form \"4A\"; expected one of 3, 3/A, 4, 4/A, 5, 5/A, all, amendments; did you mean 4/A?")
        #expect(decodeError("version: 1\nforms: []\n")?.description
            == "pipelines/nightly.yaml:2:8: forms: empty list; remove the key to use the default")
        #expect(decodeError("version: 1\ninputs: a.zip\n")?.description
            == "pipelines/nightly.yaml:2:9: inputs: expected a list, found a.zip; write [a.zip] or one `- item` per line")
    }

    @Test func sizes() throws {
        #expect(decodeError("version: 1\nlimits: {max_member_bytes: 64MB}\n")?.description
            == "pipelines/nightly.yaml:2:28: limits.max_member_bytes: unknown unit \"MB\"; expected a size of at least 1024 bytes (an integer, or a number with KiB, MiB, GiB or TiB); did you mean MiB? (binary units only)")
        #expect(decodeError("version: 1\nlimits: {max_document_bytes: 100}\n")?.description
            == "pipelines/nightly.yaml:2:30: limits.max_document_bytes: 100 is out of range; expected a size of at least 1024 bytes (an integer, or a number with KiB, MiB, GiB or TiB)")
    }

    @Test func versionIsRequiredAndMustBeOne() throws {
        #expect(decodeError("jobs: 2\n")?.description
            == "pipelines/nightly.yaml:1:1: version: missing required key; add `version: 1` as the first line")
        #expect(decodeError("")?.description
            == "pipelines/nightly.yaml:1:1: version: missing required key; the file is empty; start it with `version: 1`")
        #expect(decodeError("# nothing\nversion: 2\n")?.description
            == "pipelines/nightly.yaml:2:10: version: unsupported version 2; this edgar-etl reads version 1")
    }

    @Test func yamlSyntaxAndShapeErrorsAreLocatedToo() throws {
        let duplicate = try #require(decodeError("version: 1\njobs: 1\njobs: 2\n"))
        #expect(duplicate.keyPath == "jobs" && duplicate.message == "duplicate key" && duplicate.line == 2)
        let syntax = try #require(decodeError("version: 1\ninputs: [a, b\n"))
        #expect(syntax.message.hasPrefix("YAML syntax: ") && syntax.line >= 2)
        #expect(decodeError("- version: 1\n")?.description
            == "pipelines/nightly.yaml:1:1: expected a mapping of keys at the top of the file, found a list")
        #expect(decodeError("version: 1\nlimits: 5\n")?.description
            == "pipelines/nightly.yaml:2:9: limits: expected a mapping of keys, found 5")
    }

    @Test func unsetEnvironmentVariable() throws {
        #expect(decodeError("version: 1\noutput: /data/${WAREHOUSE}/x\n")?.description
            == "pipelines/nightly.yaml:2:9: output: environment variable WAREHOUSE is not set; set it, or give a default: ${WAREHOUSE:-value}")
    }

    @Test func missingFileIsReported() throws {
        do throws(PipelineFileError) {
            _ = try PipelineFileLoader.load(path: "/nonexistent/pipeline.yaml", environment: [:])
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description == "/nonexistent/pipeline.yaml: no such file")
        }
        let report = ValidateSupport.report(paths: ["/nonexistent/pipeline.yaml"], environment: [:])
        #expect(!report.allValid)
        #expect(report.text == "/nonexistent/pipeline.yaml: no such file\n")
    }
}
