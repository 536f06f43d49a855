import Dispatch
import EdgarCore
import EdgarReaders
import EdgarWriters
import Foundation
import Synchronization

/// Which inputs are committed unchanged (`CommittedSource`), decided in the background: every input with a
/// manifest is a candidate, hashed on all cores while the reader works through the others.
final class SkipCheck: Sendable {
    /// Inputs without a manifest first (they are surely read), then the candidates, each group in input order.
    let readingOrder: [Int]
    private let candidates: Set<Int>
    private let found = Mutex<[Int: CommittedSource.Counts]>([:])
    private let done = DispatchGroup()

    init(_ planned: [(input: DiscoveredInput, key: String)], options: PipelineOptions, cancellation: CancellationToken) {
        var candidates: [Int] = []
        if !options.force {
            let manifests = OutputLayout(root: options.output, compression: options.compression).manifestsFolder
            for (index, item) in planned.enumerated() where FileManager.default.fileExists(atPath: manifests + "/" + item.key + ".json") {
                candidates.append(index)
            }
        }
        let set = Set(candidates)
        self.candidates = set
        readingOrder = planned.indices.filter { !set.contains($0) } + candidates
        guard !candidates.isEmpty else { return }
        let list = candidates
        done.enter()
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: list.count) { n in
                let index = list[n]
                guard !cancellation.isCancelled, case .file(let path) = planned[index].input,
                    let counts = CommittedSource.unchanged(
                        path: path, key: planned[index].key, output: options.output, compression: options.compression,
                        compressionLevel: options.compressionLevel, granularity: options.granularity)
                else { return }
                found.withLock { $0[index] = counts }
            }
            done.leave()
        }
    }

    /// Waits for the hashing when `index` is a candidate.
    func isUnchanged(_ index: Int) -> Bool {
        guard candidates.contains(index) else { return false }
        done.wait()
        return found.withLock { $0[index] != nil }
    }

    /// Every input found unchanged, once the hashing is done.
    var unchanged: [Int: CommittedSource.Counts] {
        done.wait()
        return found.withLock { $0 }
    }
}
