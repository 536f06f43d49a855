import ArgumentParser
import EdgarCore
import Foundation
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
              edgar-etl schema --format duckdb --load-from out | duckdb warehouse.duckdb
            """
    )

    @Option(help: "json-schema, duckdb, bigquery, postgres or spark.")
    var format: String

    @Option(name: .customLong("table"), help: "Only this table (repeatable); default: every table.")
    var tables: [String] = []

    @Option(help: ArgumentHelp(
        "With --format duckdb: also print the INSERT statements that load the tables found in this output folder.",
        valueName: "out"))
    var loadFrom: String?

    func validate() throws {
        if loadFrom != nil && format != "duckdb" { throw ValidationError("--load-from goes with --format duckdb") }
        guard EdgarTransformers.SchemaCommand.formats.contains(format) else {
            throw ValidationError("unknown --format \(format); use one of \(EdgarTransformers.SchemaCommand.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        if let loadFrom {
            // DuckDB fails on a glob that matches nothing, so only tables the run wrote are loaded.
            let present = Table.allCases.filter { table in
                FileManager.default.fileExists(atPath: loadFrom + "/" + table.folder)
                    && (tables.isEmpty || tables.contains(table.warehouseName) || tables.contains(table.rawValue))
            }
            print(DuckDBLoad.script(out: loadFrom, tables: present), terminator: "")
            return
        }
        do {
            print(try EdgarTransformers.SchemaCommand.output(format: format, tables: tables), terminator: "")
        } catch {
            throw ValidationError(error.message)
        }
    }
}
