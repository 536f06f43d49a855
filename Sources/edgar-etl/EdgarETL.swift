import ArgumentParser
import EdgarCore

@main
struct EdgarETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edgar-etl",
        abstract: "Turn bulk SEC EDGAR archives into NDJSON tables of insider filings (Forms 3, 4, 5).",
        discussion: """
            Reads daily feed archives (YYYYMMDD.nc.tar.gz), complete-submission .txt files, .zip, .gz, .tar,
            loose .xml/.txt/.nc files and folders of them; writes the tables of the output contract,
            partitioned by filing date, one manifest per input, and _SUCCESS when every input committed.

            Start here:
              edgar-etl run samples --output out
              edgar-etl run samples/20031112.nc.tar.gz --output warehouse --jobs 2
            """,
        version: "\(Versions.parser) (output contract \(Versions.contract))",
        subcommands: [
            RunCommand.self, ValidateCommand.self, InspectCommand.self, SchemaSubcommand.self, ListInputsCommand.self,
            CommitCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: nil
    )
}
