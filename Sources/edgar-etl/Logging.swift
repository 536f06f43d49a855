import ArgumentParser
import EdgarCore
import EdgarPipeline
import Foundation
import Logging

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

struct LoggingOptions: ParsableArguments {
    @Option(help: "Log lines on stderr: human (default) or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .human

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .notice

    /// A logger for this process. Built per command rather than bootstrapped globally, so tests and
    /// library code never depend on global state.
    func makeLogger() -> Logger {
        let format = logFormat
        var logger = Logger(label: "edgar-etl") { label in
            format == .json ? JSONLogHandler(label: label) as LogHandler : StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = logLevel
        return logger
    }
}

/// One JSON object per line on stderr: `ts`, `level`, `logger`, `message`, then the metadata keys.
struct JSONLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        Self.write(level: event.level, label: label, message: event.message.description, metadata: merged)
    }

    /// One record on stderr; `json` fields are written as they are (already JSON), after the metadata.
    static func write(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata = [:], json: [(String, [UInt8])] = []
    ) {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.key("ts")
        w.string(ISO8601DateFormatter().string(from: Date()))
        w.key("level")
        w.string(level.rawValue)
        w.key("logger")
        w.string(label)
        w.key("message")
        w.string(message)
        for key in metadata.keys.sorted() {
            w.key(dynamic: key)
            w.string(metadata[key]!.description)
        }
        for (key, value) in json {
            w.key(dynamic: key)
            w.raw(value)
        }
        w.endObject()
        w.newline()
        FileHandle.standardError.write(Data(w.bytes))
    }
}

/// What the run itself says on stderr besides log records (errors, the summary): plain lines, or with
/// `--log-format json` records like the log's, so that stderr stays one JSON object per line.
struct StderrMessages: Sendable {
    let format: LogFormat

    func say(_ message: String, level: Logger.Level = .error) {
        if format == .json {
            JSONLogHandler.write(level: level, label: "edgar-etl", message: message)
        } else {
            FileHandle.standardError.write(Data("edgar-etl: \(message)\n".utf8))
        }
    }

    /// The end-of-run summary: the text, or one record whose `summary` is the `--summary-json` object.
    func summary(_ report: RunReport, status: ExitStatus) {
        if format == .json {
            var json = Array(SummaryJSON.render(report, exitStatus: status).utf8)
            if json.last == 0x0a { json.removeLast() }
            JSONLogHandler.write(level: .notice, label: "edgar-etl", message: "run summary", json: [("summary", json)])
        } else {
            FileHandle.standardError.write(Data(SummaryText.render(report).utf8))
        }
    }
}

/// What is logged when a source commits or fails (dotted metadata keys, as swift-log recommends).
enum SourceLog {
    static func record(_ source: RunReport.Source, to logger: Logger) {
        var metadata: Logger.Metadata = [
            "source.path": "\(source.path)", "source.key": "\(source.key)", "source.status": "\(source.status.rawValue)",
            "source.filings": "\(source.filings)", "source.rejects": "\(source.rejects.values.reduce(0, +))",
        ]
        if let message = source.message { metadata["source.message"] = "\(message)" }
        switch source.status {
        case .committed: logger.info("source committed", metadata: metadata)
        case .interrupted: logger.notice("source interrupted", metadata: metadata)
        case .failedInput, .failedOutput: logger.error("source failed", metadata: metadata)
        }
    }
}
