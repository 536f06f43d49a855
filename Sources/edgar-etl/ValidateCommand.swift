import ArgumentParser
import EdgarPipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files without running them.",
        discussion: """
            Every unknown key, wrong type or bad value is reported with the file, line and key, and a suggestion
            for a misspelt key. Exits 64 when a file is invalid.

            Examples:
              edgar-etl validate pipelines/*.yaml
              edgar-etl validate --keys          (every key a pipeline file may hold)
            """
    )

    @Argument(help: "Pipeline files.")
    var files: [String] = []

    @Flag(help: "Print every key a pipeline file may hold.")
    var keys = false

    func validate() throws {
        guard keys || !files.isEmpty else { throw ValidationError("give at least one pipeline file, or --keys") }
    }

    func run() throws {
        if keys { print(PipelineFileLoader.documentation(), terminator: "") }
        guard !files.isEmpty else { return }
        let result = ValidateSupport.report(paths: files)
        print(result.text, terminator: "")
        if !result.allValid { throw ExitCode(ExitStatus.usage.rawValue) }
    }
}
