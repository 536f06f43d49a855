import ArgumentParser
import EdgarCore
import EdgarTransformers
import Foundation

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
              edgar-etl schema --format postgres --load-from out | psql warehouse
              edgar-etl schema --format markdown > docs/TABLES.md
            """
    )

    @Option(help: "json-schema, duckdb, bigquery, postgres, spark or markdown.")
    var format: String

    @Option(name: .customLong("table"), help: "Only this table (repeatable); default: every table.")
    var tables: [String] = []

    @Option(help: ArgumentHelp(
        """
        With --format duckdb or postgres: a script that loads the committed sources of this output folder (the \
        files their manifests list), exactly and safe to re-run.
        """,
        valueName: "out"))
    var loadFrom: String?

    func validate() throws {
        if loadFrom != nil && format != "duckdb" && format != "postgres" {
            throw ValidationError("--load-from goes with --format duckdb or --format postgres")
        }
        guard EdgarTransformers.SchemaCommand.formats.contains(format) else {
            throw ValidationError("unknown --format \(format); use one of \(EdgarTransformers.SchemaCommand.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        if let loadFrom {
            var selected = Table.allCases
            if !tables.isEmpty {
                for name in tables where Table(warehouseName: name) == nil {
                    throw ValidationError("unknown table '\(name)': use one of \(Table.allCases.map(\.warehouseName).joined(separator: ", "))")
                }
                selected = Table.allCases.filter { tables.contains($0.warehouseName) || tables.contains($0.rawValue) }
            }
            let plan: LoadPlan
            do {
                plan = try LoadPlan.read(out: loadFrom)
            } catch {
                FileHandle.standardError.write(Data("edgar-etl schema: \(error.message)\n".utf8))
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let script = format == "duckdb"
                ? DuckDBLoad.script(plan: plan, tables: selected) : PostgresLoad.script(plan: plan, tables: selected)
            print(script, terminator: "")
            return
        }
        do {
            print(try EdgarTransformers.SchemaCommand.output(format: format, tables: tables), terminator: "")
        } catch {
            throw ValidationError(error.message)
        }
    }
}
