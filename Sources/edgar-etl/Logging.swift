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
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.key("ts")
        w.string(ISO8601DateFormatter().string(from: Date()))
        w.key("level")
        w.string(event.level.rawValue)
        w.key("logger")
        w.string(label)
        w.key("message")
        w.string(event.message.description)
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            w.key(dynamic: key)
            w.string(merged[key]!.description)
        }
        w.endObject()
        w.newline()
        FileHandle.standardError.write(Data(w.bytes))
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
