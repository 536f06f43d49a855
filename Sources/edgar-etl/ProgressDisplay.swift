import ArgumentParser
import EdgarPipeline
import Foundation
import Synchronization

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// A one-line progress display on stderr, redrawn at most five times a second: inputs done, filings,
/// filings per second, bytes read, rejects and an estimate of the time left.
final class ProgressDisplay: Sendable {
    private struct State {
        var lastDraw: UInt64 = 0
        var drawn = false
    }

    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex(State())

    init(mode: ProgressMode) {
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto: enabled = isatty(STDERR_FILENO) == 1
        }
    }

    var handler: Pipeline.ProgressHandler? {
        guard enabled else { return nil }
        return { [self] progress in self.update(progress) }
    }

    private func update(_ progress: RunProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = state.withLock { state -> Bool in
            guard now - state.lastDraw > 200_000_000 || progress.inputsDone == progress.inputsTotal else { return false }
            state.lastDraw = now
            state.drawn = true
            return true
        }
        guard due else { return }
        let line = "\r\u{1B}[K" + Self.render(progress, seconds: Double(now - started) / 1e9)
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func render(_ p: RunProgress, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(p.filings) / seconds : 0
        var parts = [
            "inputs \(p.inputsDone)/\(p.inputsTotal)", "filings \(p.filings)", String(format: "%.0f/s", rate),
            String(format: "%.1f/%.1f MB read", Double(p.bytesRead) / 1e6, Double(p.bytesTotal) / 1e6),
            "rejects \(p.rejects)",
        ]
        // By bytes, not inputs: the nightly job is one big archive, which would otherwise have no estimate.
        if p.bytesRead > 0 && p.bytesRead < p.bytesTotal {
            let left = seconds / Double(p.bytesRead) * Double(p.bytesTotal - p.bytesRead)
            parts.append(String(format: "ETA %d:%02d", Int(left) / 60, Int(left) % 60))
        }
        return parts.joined(separator: " · ")
    }

    /// Wipes the progress line so a log line written next starts at the left margin; the next update redraws.
    func clearForLogging() {
        let wasDrawn = state.withLock { state -> Bool in
            defer { state.drawn = false; state.lastDraw = 0 }
            return state.drawn
        }
        if wasDrawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Ends the progress line so the summary starts on a line of its own.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
