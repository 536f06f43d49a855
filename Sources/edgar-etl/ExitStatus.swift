import ArgumentParser
import EdgarPipeline
import EdgarWriters

/// The exit statuses a scheduler can act on. Documented in the README and in `run --help`.
enum ExitStatus: Int32, CaseIterable {
    /// Every input committed; nothing was rejected.
    case success = 0
    /// Every input committed; some members or filings were rejected (they are in `_rejects/`).
    case successWithRejects = 3
    /// At least one input is damaged or unreadable and was not committed. Retrying the same bytes will not help.
    case inputFailed = 4
    /// More rejects than `--max-rejects` allows.
    case tooManyRejects = 5
    /// Bad command line or pipeline file, or an `--output` that is not a folder.
    case usage = 64
    /// The output cannot be written and a retry will not change that (read-only file system, name too long, a
    /// link where OUT allows none, another input's manifest under a source key): fix OUT, then re-run.
    case outputRefused = 73
    /// The output could not be written (disk full, permissions): transient, retry.
    case outputFailed = 75
    /// Interrupted by SIGINT or SIGTERM; committed inputs stay committed, the rest left no trace.
    case interrupted = 130

    static let helpText = """
        Exit status:
          0    every input committed, nothing rejected
          3    every input committed, some filings or members rejected (see OUT/_rejects)
          4    an input is damaged or unreadable and was not committed (do not retry as is)
          5    more rejects than --max-rejects or --max-reject-ratio allows
          64   usage or configuration error (also: --output is an existing file)
          73   the output cannot be written, and retrying will not help (read-only file system,
               name too long, a link in OUT, another input's manifest under a source key)
          75   the output could not be written (disk full, permissions): retry
          130  interrupted (SIGINT/SIGTERM); committed inputs stay committed
        """

    static func of(_ report: RunReport, maxRejects: Int?, maxRejectRatio: Double? = nil) -> ExitStatus {
        if report.interrupted { return .interrupted }
        if report.sources.contains(where: { $0.status == .failedOutput && $0.permanent }) { return .outputRefused }
        if report.sources.contains(where: { $0.status == .failedOutput }) { return .outputFailed }
        if report.sources.contains(where: { $0.status == .failedInput }) { return .inputFailed }
        if let maxRejects, report.rejects > maxRejects { return .tooManyRejects }
        if let maxRejectRatio, report.rejects > 0,
            Double(report.rejects) / Double(report.rejects + report.filings) > maxRejectRatio
        {
            return .tooManyRejects
        }
        return report.rejects > 0 ? .successWithRejects : .success
    }
}

extension ExitStatus {
    /// The status for an error that stopped a command before or after its sources: the output is not a
    /// folder (usage), a permanent refusal, or a failure worth a retry.
    static func forOutputError(_ error: Error) -> ExitStatus {
        if case OutputError.notADirectory = error { return .usage }
        return error.isPermanentOutputError ? .outputRefused : .outputFailed
    }
}
