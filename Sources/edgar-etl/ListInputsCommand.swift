import ArgumentParser
import EdgarPipeline

struct ListInputsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-inputs",
        abstract: "Print the inputs a run over these paths would read, one per line, sorted and de-duplicated.",
        discussion: """
            Every shard of a distributed run should see the same list: generate it once, store it, and hand it
            to each shard (`run --inputs-from LIST`) and to `commit --expect-inputs LIST`.

            Example:
              edgar-etl list-inputs /data/feed/2003 > inputs.txt
            """
    )

    @Argument(help: "Archives, files or folders.")
    var paths: [String]

    func run() throws {
        for entry in Pipeline.plan(paths) { print(entry.input.path) }
    }
}
