import ArgumentParser
import Foundation

/// Input lists (see `InputListLine`): one path per line, or NUL-separated; `-` reads stdin.
enum InputList {
    static func read(_ source: String) throws -> [String] {
        let data: Data
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else {
                throw ValidationError("cannot read the input list \(source)")
            }
            data = contents
        }
        return InputListLine.paths(in: String(decoding: data, as: UTF8.self))
    }
}
