import EdgarCore
import EdgarReaders
import FuzzSupport

// TarDecoder over fuzzed bytes in fuzzed chunks. Oracles: no crash or hang; no member held above the limit;
// no emitted member above the limit; the same events whatever the chunking (compared with one whole feed).

let memberLimit = 1 << 20

/// What a run produced, comparable across chunkings.
struct Outcome: Equatable {
    enum Event: Equatable {
        case member(path: String?, bytes: [UInt8])
        case reject(code: RejectCode, message: String)
    }
    var events: [Event] = []
    var truncation: String?
}

func decode(_ chunks: [ArraySlice<UInt8>]) -> Outcome {
    var decoder = TarDecoder(label: "fuzz.tar", maxMemberBytes: memberLimit)
    var outcome = Outcome()
    for chunk in chunks {
        decoder.feed(chunk) { (event: ReadEvent) in
            switch event {
            case .member(let member):
                if member.bytes.count > memberLimit { fuzzFailure("member of \(member.bytes.count) bytes emitted") }
                outcome.events.append(.member(path: member.path, bytes: member.bytes))
            case .reject(let reject):
                outcome.events.append(.reject(code: reject.code, message: reject.message))
            }
        }
        if decoder.largestHeldMember > memberLimit {
            fuzzFailure("held a member of \(decoder.largestHeldMember) bytes, limit \(memberLimit)")
        }
    }
    outcome.truncation = decoder.finish()
    return outcome
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let plan = ChunkPlan(fuzzBytes(data, count))
    let chunked = decode(plan.chunks)
    let whole = decode(plan.payload.isEmpty ? [] : [plan.payload[...]])
    if chunked != whole {
        fuzzFailure("chunking changed the result:\nchunked \(chunked)\nwhole   \(whole)")
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

runFuzzer { data, count in fuzzOne(data, count) }
