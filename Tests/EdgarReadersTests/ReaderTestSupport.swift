import EdgarCore
import EdgarReaders
import EdgarTestSupport

/// Everything one read produced.
struct Outcome {
    var events: [ReadEvent]
    var summary: ReadSummary

    var members: [Member] {
        events.compactMap { if case .member(let m) = $0 { m } else { nil } }
    }
    var rejects: [Reject] {
        events.compactMap { if case .reject(let r) = $0 { r } else { nil } }
    }
    /// A compact trace of the events in order: `member <path>` or `reject <code> <member>`.
    var trace: [String] {
        events.map { event in
            switch event {
            case .member(let m): "member \(m.path ?? "-")"
            case .reject(let r): "reject \(r.code.rawValue) \(r.source.member ?? "-")"
            }
        }
    }
}

func readAll(_ path: String, label: String = "input", limits: ReaderLimits = .init()) -> Outcome {
    var events: [ReadEvent] = []
    let summary = InputReader(limits: limits).read(path: path, label: label) { events.append($0) }
    return Outcome(events: events, summary: summary)
}

/// Members (path and bytes) and rejects (code and member) a tar decoder emits for `bytes` fed in `size` chunks.
func decodeTar(_ bytes: [UInt8], chunkSize: Int, maxMemberBytes: Int = 64 << 20) -> (Outcome, TarDecoder) {
    var decoder = TarDecoder(label: "t.tar", maxMemberBytes: maxMemberBytes)
    var events: [ReadEvent] = []
    for chunk in chunks(of: bytes, size: chunkSize) {
        decoder.feed(chunk) { events.append($0) }
    }
    return (Outcome(events: events, summary: ReadSummary(bytesRead: bytes.count, sha256: "", members: 0, failure: nil)), decoder)
}
