import ArgumentParser
import EdgarWriters
import Foundation

struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "After all shards ran: check every input committed, then write _SUCCESS.",
        discussion: """
            Checks that every input of LIST has a valid manifest of its own in OUT/_manifests (its source.path
            is that input) and that every file a manifest names exists with its size and SHA-256; removes the
            staging of dead attempts; writes OUT/_SUCCESS. Exits 4 and names what is missing otherwise, and 75
            while another attempt is still writing to OUT. Run it once, after every shard finished.

            Example:
              edgar-etl commit warehouse --expect-inputs inputs.txt
            """
    )

    @Argument(help: "The output folder the shards wrote to.")
    var output: String

    @Option(help: "The input list the shards were given (one path per line; - for stdin).")
    var expectInputs: String

    func run() throws {
        let inputs = try InputList.read(expectInputs)
        let verifier = OutputVerifier(root: output)
        let problems = verifier.verify(inputs: inputs)
        if !problems.isEmpty {
            try writingOutput { try verifier.withdrawSuccess() }
            for problem in problems { FileHandle.standardError.write(Data("edgar-etl commit: \(problem)\n".utf8)) }
            FileHandle.standardError.write(Data("edgar-etl commit: \(problems.count) problems; _SUCCESS not written\n".utf8))
            throw ExitCode(ExitStatus.inputFailed.rawValue)
        }
        var withheld: String?
        try writingOutput { withheld = try verifier.commit(inputs: inputs) }
        if let withheld {
            FileHandle.standardError.write(Data("edgar-etl commit: _SUCCESS not written: \(withheld); run commit again when it ends\n".utf8))
            throw ExitCode(ExitStatus.outputFailed.rawValue)
        }
        FileHandle.standardError.write(Data("edgar-etl commit: \(inputs.count) inputs committed; wrote \(output)/_SUCCESS\n".utf8))
    }

    /// A failure to write OUT (full disk, permissions) is transient for a scheduler: exit 75, not 1.
    private func writingOutput(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("edgar-etl commit: cannot write \(output): \(error)\n".utf8))
            throw ExitCode(ExitStatus.forOutputError(error).rawValue)
        }
    }
}
