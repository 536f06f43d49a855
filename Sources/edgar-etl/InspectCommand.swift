import ArgumentParser
import EdgarCore
import EdgarPipeline
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the rows one filing (or every filing of a small archive) produces, as pretty JSON.",
        discussion: """
            The tool to reach for when a number looks wrong: the same parsing as `run`, nothing written.

            Examples:
              edgar-etl inspect 0001127602-25-004598.nc
              edgar-etl inspect 20031112.nc.tar.gz --member 0000899243-03-000123.nc
            """
    )

    @Argument(help: "A file or archive.")
    var path: String

    @Option(help: "Only this member of a tar or zip (its path, or its file name).")
    var member: String?

    func run() throws {
        let outcomes = try Inspector.inspect(path: path, member: member, options: PipelineOptions(output: "/dev/null"))
        var printed = 0
        for outcome in outcomes {
            switch outcome {
            case .filing(let id, let rows):
                print("# filing \(id)")
                for (table, lines) in rows {
                    for line in lines { print("## \(table.rawValue)\n" + PrettyJSON.render(line)) }
                }
                printed += 1
            case .reject(let line):
                print("# reject\n" + PrettyJSON.render(line))
                printed += 1
            case .skipped(let form):
                print("# skipped: a \(form) submission (not an ownership form)")
            }
        }
        if outcomes.isEmpty {
            FileHandle.standardError.write(Data("edgar-etl inspect: nothing found in \(path)\(member.map { " for member \($0)" } ?? "")\n".utf8))
            throw ExitCode(ExitStatus.inputFailed.rawValue)
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
