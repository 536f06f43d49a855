import EdgarCore
import FuzzSupport

// The whole per-filing path over one fuzzed `.nc` member: extract the envelope's documents, parse each in its
// layout (XML or text), encode the rows. Oracles: no crash or hang; every NDJSON line (rows and rejects) a
// valid JSON object in valid UTF-8.

// libFuzzer calls back on one thread only, so one parser context for the whole run is safe.
nonisolated(unsafe) let path = FilingPath()

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    path.run(member: Member(archive: "fuzz", path: "x.nc", bytes: fuzzBytes(data, count)))
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
