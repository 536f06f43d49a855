import ArgumentParser
import EdgarCore
import EdgarPipeline
import EdgarTransformers
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the rows one filing (or every filing of a small archive) produces, as pretty JSON.",
        discussion: """
            The tool to reach for when a number looks wrong: the same parsing as `run`, nothing written.

            Examples:
              edgar-etl inspect samples/complete-submissions/0000899243-07-132240.txt
              edgar-etl inspect samples/20031112.nc.tar.gz --member 0001562180-03-198215.nc
              edgar-etl inspect samples/20031112.nc.tar.gz --json | jq -c 'select(.table == "filings") | .row.issuer_name'
            """
    )

    @Argument(help: "A file or archive.")
    var path: String

    @Option(help: "Only this member of a tar or zip (its path, or its file name).")
    var member: String?

    @Flag(help: ArgumentHelp(
        "NDJSON on stdout and nothing else: {\"table\": T, \"row\": {…}} per row, {\"reject\": {…}} per reject, {\"skipped\": FORM} per other submission."))
    var json = false

    func run() throws {
        // A path that is not there is a mistake to report, not an input with one reject.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            let why = isFolder.boolValue ? "is a folder (give one file or archive)" : "does not exist"
            FileHandle.standardError.write(Data("edgar-etl inspect: \(path) \(why)\n".utf8))
            throw ExitCode(ExitStatus.inputFailed.rawValue)
        }
        let outcomes = try Inspector.inspect(path: path, member: member, options: PipelineOptions(output: "/dev/null"))
        if json {
            printJSONLines(outcomes)
        } else {
            printPretty(outcomes)
        }
        if outcomes.isEmpty {
            FileHandle.standardError.write(Data("edgar-etl inspect: nothing found in \(path)\(member.map { " for member \($0)" } ?? "")\n".utf8))
            throw ExitCode(ExitStatus.inputFailed.rawValue)
        }
    }

    /// One JSON object per line; the rows are our own JSON, embedded byte for byte.
    func printJSONLines(_ outcomes: [Inspector.Outcome]) {
        var out: [UInt8] = []
        func line(_ key: String, _ raw: [UInt8], table: String? = nil) {
            out.append(contentsOf: Array("{".utf8))
            if let table { out.append(contentsOf: Array("\"table\":\"\(table)\",".utf8)) }
            out.append(contentsOf: Array("\"\(key)\":".utf8))
            out.append(contentsOf: raw.last == 0x0a ? Array(raw.dropLast()) : raw)
            out.append(contentsOf: Array("}\n".utf8))
        }
        for outcome in outcomes {
            switch outcome {
            case .filing(_, let rows):
                for (table, lines) in rows {
                    for row in lines { line("row", row, table: table.warehouseName) }
                }
            case .reject(let row): line("reject", row)
            case .skipped(let form):
                var w = JSONWriter(capacity: 64)
                w.string(form)
                line("skipped", w.bytes)
            }
        }
        FileHandle.standardOutput.write(Data(out))
    }

    func printPretty(_ outcomes: [Inspector.Outcome]) {
        for outcome in outcomes {
            switch outcome {
            case .filing(let id, let rows):
                print("# filing \(id)")
                for (table, lines) in rows {
                    for line in lines { print("## \(table.rawValue)\n" + PrettyJSON.render(line)) }
                }
            case .reject(let line):
                print("# reject\n" + PrettyJSON.render(line))
            case .skipped(let form):
                print("# skipped: a \(form) submission (not an ownership form)")
            }
        }
    }
}

/// Re-indents one line of our own JSON, keeping the key order (which JSONSerialization would lose).
enum PrettyJSON {
    static func render(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            out.append(0x0a)
            out.append(contentsOf: [UInt8](repeating: 0x20, count: depth * 2))
        }
        for (index, byte) in bytes.enumerated() {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next == UInt8(ascii: "}") || next == UInt8(ascii: "]") { continue }
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let previous = index > 0 ? bytes[index - 1] : 0
                if previous != UInt8(ascii: "{") && previous != UInt8(ascii: "[") {
                    depth -= 1
                    newline()
                }
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [byte, 0x20])
            default:
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
