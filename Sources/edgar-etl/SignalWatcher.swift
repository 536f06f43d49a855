import Dispatch
import EdgarPipeline
import Foundation

/// Turns SIGINT and SIGTERM into a cancellation the reader checks between members; a second signal stops
/// at once (what staging that leaves is swept by the next run).
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init(cancellation: CancellationToken, messages: StderrMessages) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled {
                    messages.say("stopped at once; uncommitted inputs left no trace", level: .warning)
                    _exit(ExitStatus.interrupted.rawValue)
                }
                cancellation.cancel()
                messages.say(
                    "stopping after the current members; nothing partial is committed (again to stop at once)", level: .notice)
            }
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        for source in sources { source.cancel() }
    }
}
