import EdgarCompression
import FuzzSupport

// Inflater (gzip, multi-member) over fuzzed bytes in fuzzed chunks. Oracles: no crash or hang; the same output
// and the same outcome whatever the chunking; output bounded (the sink stops past 8 MiB).

let outputLimit = 8 << 20

struct Outcome: Equatable {
    var output: [UInt8] = []
    var failed = false
    var limited = false
}

struct LimitReached: Error {}

// libFuzzer calls back on one thread only; one inflater (reset per run) keeps its buffers.
nonisolated(unsafe) let inflater = Inflater(format: .gzip, outputChunkSize: 4096)

func inflate(_ chunks: [ArraySlice<UInt8>]) -> Outcome {
    var outcome = Outcome()
    inflater.reset()
    do {
        for chunk in chunks {
            try chunk.withUnsafeBytes { raw in
                try inflater.feed(raw) { piece in
                    guard outcome.output.count + piece.count <= outputLimit else { throw LimitReached() }
                    outcome.output.append(contentsOf: piece)
                }
            }
        }
        try inflater.finish()
    } catch is LimitReached {
        outcome.limited = true
    } catch {
        outcome.failed = true
    }
    return outcome
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let plan = ChunkPlan(fuzzBytes(data, count))
    let chunked = inflate(plan.chunks)
    let whole = inflate(plan.payload.isEmpty ? [] : [plan.payload[...]])
    // Output up to a failure may legitimately differ in length (zlib reports the error at a chunk-dependent
    // point), so only complete runs are compared byte for byte.
    if !chunked.failed && !whole.failed && !chunked.limited && !whole.limited && chunked != whole {
        fuzzFailure("chunking changed the output: \(chunked.output.count) vs \(whole.output.count) bytes")
    }
    if chunked.failed != whole.failed && !chunked.limited && !whole.limited {
        fuzzFailure("chunking changed the outcome: chunked failed \(chunked.failed), whole failed \(whole.failed)")
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
