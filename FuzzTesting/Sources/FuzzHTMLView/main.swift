import EdgarCore
import FuzzSupport

// HTMLViewParser (libxml2's HTML parser, the page's cells as the text layout, CIKs and street rows from the tree)
// over a fuzzed body, then the row encoder. Oracles: no crash or hang; every NDJSON line a valid JSON object in
// valid UTF-8.

// libFuzzer calls back on one thread only.
nonisolated(unsafe) let path = FilingPath()

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    path.run(body: fuzzBytes(data, count), layout: .html, member: "x.html")
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
