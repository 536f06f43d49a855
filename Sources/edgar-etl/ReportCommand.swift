import ArgumentParser
import EdgarReport
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show whether an output folder is complete and clean, over every run that wrote to it.",
        discussion: """
            Reads OUT only (its manifests, part files, rejects and staging folder), never the inputs: filings per \
            filing date with short days flagged, the form and layout mix over time, rejects by error code with \
            samples, issues by table, column and code, skipped form types per input, inputs not committed, and \
            totals summed over the manifests. Prints the text form; --html writes one self-contained page (no \
            script, works offline), --json the same numbers for monitoring.

            Examples:
              edgar-etl report warehouse
              edgar-etl report warehouse --html warehouse-report.html --json warehouse-report.json
            """
    )

    @Argument(help: "The output folder of `edgar-etl run`.")
    var output: String

    @Option(help: "Write the report as one HTML page to this file.")
    var html: String?

    @Option(help: "Write the report's numbers as JSON to this file ('-' for standard output).")
    var json: String?

    func run() throws {
        let report: QualityReport
        do {
            report = try OutputScanner(output: output).scan()
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("edgar-etl report: \(error)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        if let html { try write(Array(ReportHTML.render(report).utf8), to: html) }
        if let json {
            if json == "-" { FileHandle.standardOutput.write(Data(ReportJSON.encode(report))) } else { try write(ReportJSON.encode(report), to: json) }
        }
        if html == nil && json != "-" { print(ReportText.render(report), terminator: "") }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("edgar-etl report: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.outputFailed.rawValue)
        }
    }
}
