import ArgumentParser
import EdgarTransformers

struct SchemaSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the output tables as a warehouse schema.",
        discussion: """
            Formats: \(EdgarTransformers.SchemaCommand.formats.joined(separator: ", ")).

            Examples:
              edgar-etl schema --format duckdb > tables.sql
              edgar-etl schema --format bigquery | jq .filings > filings.schema.json
              edgar-etl schema --format json-schema --table filings
            """
    )

    @Option(help: "json-schema, duckdb, bigquery, postgres or spark.")
    var format: String

    @Option(name: .customLong("table"), help: "Only this table (repeatable); default: every table.")
    var tables: [String] = []

    func validate() throws {
        guard EdgarTransformers.SchemaCommand.formats.contains(format) else {
            throw ValidationError("unknown --format \(format); use one of \(EdgarTransformers.SchemaCommand.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        do {
            print(try EdgarTransformers.SchemaCommand.output(format: format, tables: tables), terminator: "")
        } catch {
            throw ValidationError(error.message)
        }
    }
}
