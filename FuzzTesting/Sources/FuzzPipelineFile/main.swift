import EdgarPipeline
import FuzzSupport

// PipelineFileLoader.decode over fuzzed YAML (seeds: pipelines/*.yaml and alias bombs). Glob characters
// (* ? [) are turned into 'x' first: a fuzzed `/*/*/*/*` would otherwise walk the machine's filesystem on
// every run, which tests glob(3), not our decoder. Oracles: no crash, hang or OOM (the alias-expansion and
// scalar caps); an error always has a message and a sane location; a decoded file stays within the caps.

let environment = ["FEED": "/data/feed", "OUT": "/data/out", "EMPTY": ""]

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = fuzzBytes(data, count).map { byte -> UInt8 in
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") ? UInt8(ascii: "x") : byte
    }
    let yaml = String(decoding: bytes, as: UTF8.self)
    do throws(PipelineFileError) {
        let file = try PipelineFileLoader.decode(
            yaml: yaml, file: "fuzz.yaml", baseDirectory: "/nonexistent-edgar-fuzz", environment: environment)
        let size = file.inputs.reduce(0) { $0 + $1.utf8.count + 1 }
        if size > (1 << 20) + (1 << 16) { fuzzFailure("decoded inputs total \(size) bytes, past the expansion cap") }
    } catch {
        if error.message.isEmpty { fuzzFailure("error without a message: \(error)") }
        if error.line < 0 || error.column < 0 { fuzzFailure("negative location: \(error)") }
        if error.description.utf8.count > 1 << 20 { fuzzFailure("error text of \(error.description.utf8.count) bytes") }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
