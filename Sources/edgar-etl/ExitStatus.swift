import ArgumentParser
import EdgarPipeline

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
    /// Bad command line or pipeline file.
    case usage = 64
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
          64   usage or configuration error
          75   the output could not be written (disk full, permissions): retry
          130  interrupted (SIGINT/SIGTERM); committed inputs stay committed
        """

    static func of(_ report: RunReport, maxRejects: Int?, maxRejectRatio: Double? = nil) -> ExitStatus {
        if report.interrupted { return .interrupted }
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
