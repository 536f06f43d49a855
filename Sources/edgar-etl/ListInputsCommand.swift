import ArgumentParser
import EdgarPipeline

struct ListInputsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-inputs",
        abstract: "Print the inputs a run over these paths would read, one per line, sorted and de-duplicated.",
        discussion: """
            Every shard of a distributed run should see the same list: generate it once, store it, and hand it
            to each shard (`run --inputs-from LIST`) and to `commit --expect-inputs LIST`.

            A file reached by two paths (a.zip and ./a.zip, a symbolic or hard link) is listed once.
            A path holding a newline, a carriage return or a backslash is written with C-style escapes
            (\\n, \\r, \\\\), so every line is one path; `--inputs-from` reads them back the same way.
            With -0 (--null), paths are written as they are, each followed by a NUL byte, as `find -print0` does.

            Example:
              edgar-etl list-inputs /data/feed/2003 > inputs.txt
            """
    )

    @Argument(help: "Archives, files or folders.")
    var paths: [String]

    @Flag(name: [.customShort("0"), .customLong("null")], help: "End each path with a NUL byte instead of a newline, unescaped.")
    var null = false

    func run() throws {
        var out = ""
        for entry in Pipeline.plan(paths) {
            out += null ? entry.input.path + "\0" : InputListLine.escape(entry.input.path) + "\n"
        }
        print(out, terminator: "")
    }
}
